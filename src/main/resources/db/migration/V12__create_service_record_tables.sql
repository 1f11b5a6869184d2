-- Service records (志愿服务记录): append-only rows, hash-chained per volunteer so that any
-- change to a stored record shows. effective_hours is the approved state: it equals hours
-- until the recording organization approves an amendment.
CREATE TABLE service_record (
    id               UUID          NOT NULL PRIMARY KEY,
    volunteer_id     UUID          NOT NULL REFERENCES volunteer (id),
    activity_id      UUID          NOT NULL REFERENCES activity (id),
    organization_id  UUID          NOT NULL REFERENCES organization (id),
    place            VARCHAR(200)  NOT NULL,
    content          VARCHAR(1000) NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    hours            NUMERIC(8, 2) NOT NULL,
    effective_hours  NUMERIC(8, 2) NOT NULL,
    method           VARCHAR(16)   NOT NULL,
    recorded_by      UUID          NOT NULL,
    reason           VARCHAR(500),
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sequence         BIGINT        NOT NULL,
    prev_hash        CHAR(64)      NOT NULL,
    hash             CHAR(64)      NOT NULL,
    idempotency_key  VARCHAR(100),
    CONSTRAINT service_record_sequence_uk UNIQUE (volunteer_id, sequence),
    CONSTRAINT service_record_idempotency_uk UNIQUE (recorded_by, idempotency_key),
    CONSTRAINT service_record_hours_ck CHECK (hours >= 0 AND effective_hours >= 0)
);

CREATE INDEX service_record_volunteer_ix ON service_record (volunteer_id, started_at);
CREATE INDEX service_record_org_ix ON service_record (organization_id, recorded_at);
CREATE INDEX service_record_activity_ix ON service_record (activity_id);

-- Corrections a volunteer asks for (art. 13); the record itself is never overwritten.
-- amendment_hash covers the record's hash and the amendment's fields, so that tampering
-- with an amendment shows too.
CREATE TABLE record_amendment (
    id              UUID          NOT NULL PRIMARY KEY,
    record_id       UUID          NOT NULL REFERENCES service_record (id),
    requested_by    UUID          NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    hours           NUMERIC(8, 2) NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    decided_by      UUID,
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_note   VARCHAR(500),
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    amendment_hash  CHAR(64)      NOT NULL
);

CREATE INDEX record_amendment_record_ix ON record_amendment (record_id, requested_at);
CREATE INDEX record_amendment_status_ix ON record_amendment (status, requested_at);

-- Hours needed for stars 1 to 5, per region; without rows the platform defaults apply.
CREATE TABLE star_threshold (
    region_code VARCHAR(12)   NOT NULL,
    star        INT           NOT NULL,
    hours       NUMERIC(8, 2) NOT NULL,
    CONSTRAINT star_threshold_pk PRIMARY KEY (region_code, star)
);
