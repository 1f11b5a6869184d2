-- The one-time codes that let a person set a new password by proving they hold the account's
-- phone. One row per phone number at most: a new code replaces the old one. phone_hash and
-- code_hash are keyed hashes (HMAC-SHA256 with a platform secret), so the table holds neither
-- the number nor the code. account_id is empty for a number without an account: such a code is
-- kept like any other, so that a request for it looks and takes the same as for a known
-- number, but nobody ever receives it.
CREATE TABLE password_reset_code (
    phone_hash      VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id      UUID REFERENCES account (id),
    code_hash       VARCHAR(64) NOT NULL,
    failed_attempts INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX password_reset_code_expires_ix ON password_reset_code (expires_at);
