-- Token buckets that slow down repeated sign-in attempts (Bucket4j's state), shared by every
-- instance. id is a keyed hash of what a bucket counts (a username from an address, or an
-- address), so the table holds neither usernames nor addresses. expires_at (epoch
-- milliseconds) is when the bucket will have refilled and can be forgotten.
CREATE TABLE sign_in_throttle (
    id         BIGINT NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX sign_in_throttle_expires_ix ON sign_in_throttle (expires_at);
