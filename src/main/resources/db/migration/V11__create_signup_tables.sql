-- Sign-ups: one row per volunteer and activity, moved through its states by named
-- transitions; holds_place says whether the row counts in its position's accepted places.
CREATE TABLE signup (
    id              UUID         NOT NULL PRIMARY KEY,
    activity_id     UUID         NOT NULL REFERENCES activity (id),
    position_id     UUID         NOT NULL REFERENCES activity_position (id),
    volunteer_id    UUID         NOT NULL REFERENCES volunteer (id),
    status          VARCHAR(16)  NOT NULL,
    holds_place     BOOLEAN      NOT NULL DEFAULT FALSE,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    cancelled_at    TIMESTAMP WITH TIME ZONE,
    cancel_reason   VARCHAR(500),
    late_cancel     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signup_activity_volunteer_uk UNIQUE (activity_id, volunteer_id)
);

CREATE INDEX signup_position_ix ON signup (position_id, status, queued_at);
CREATE INDEX signup_volunteer_ix ON signup (volunteer_id, status);

-- Every transition of a sign-up, with who made it and why.
CREATE TABLE signup_event (
    id          UUID         NOT NULL PRIMARY KEY,
    signup_id   UUID         NOT NULL REFERENCES signup (id),
    status      VARCHAR(16)  NOT NULL,
    reason      VARCHAR(500),
    actor_id    UUID,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX signup_event_signup_ix ON signup_event (signup_id, occurred_at);
