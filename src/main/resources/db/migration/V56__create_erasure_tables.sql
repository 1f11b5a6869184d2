-- Erasure requests (删除请求): a volunteer asks, an operator of their region reviews, and
-- on approval the erasure is carried out at once; what had to be kept is erased when its
-- retention ends (scope ALL). open_volunteer_id is the volunteer's id while the request
-- is open and NULL after, so that a volunteer has at most one open request.
CREATE TABLE erasure_request (
    id                 UUID          NOT NULL PRIMARY KEY,
    volunteer_id       UUID          NOT NULL REFERENCES volunteer (id),
    account_id         UUID          NOT NULL,
    region_code        VARCHAR(12)   NOT NULL,
    scope              VARCHAR(16)   NOT NULL,
    reason             VARCHAR(500),
    status             VARCHAR(16)   NOT NULL,
    open_volunteer_id  UUID,
    idempotency_key    VARCHAR(100),
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by         UUID,
    decided_at         TIMESTAMP WITH TIME ZONE,
    decision_note      VARCHAR(500),
    carried_out_at     TIMESTAMP WITH TIME ZONE,
    retained_until     DATE,
    retention_ended_at TIMESTAMP WITH TIME ZONE,
    pseudonym          VARCHAR(50),
    CONSTRAINT erasure_request_open_uk UNIQUE (open_volunteer_id),
    CONSTRAINT erasure_request_key_uk UNIQUE (account_id, idempotency_key)
);

CREATE INDEX erasure_request_region_ix ON erasure_request (region_code, status, requested_at);
CREATE INDEX erasure_request_volunteer_ix ON erasure_request (volunteer_id, requested_at);
CREATE INDEX erasure_request_retention_ix ON erasure_request (status, retained_until);

-- What carrying out a request did, per module: each kind of data erased, or kept and until
-- when (NULL: as long as the service records), and when kept data was erased in its turn.
CREATE TABLE erasure_item (
    request_id   UUID          NOT NULL REFERENCES erasure_request (id),
    position     INT           NOT NULL,
    module       VARCHAR(40)   NOT NULL,
    item         VARCHAR(100)  NOT NULL,
    treatment    VARCHAR(8)    NOT NULL,
    row_count    BIGINT        NOT NULL,
    kept_until   DATE,
    erased_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT erasure_item_pk PRIMARY KEY (request_id, position)
);
