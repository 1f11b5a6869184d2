-- Outgoing webhooks (Standard Webhooks): endpoints an operator registers for a region,
-- the event types each subscribes to, the messages written in the transaction of the
-- business change (an outbox), a delivery of a message to an endpoint (retried on a
-- schedule, replayable as a new delivery of the same message id) and every attempt.
-- Secrets are sealed at rest; the previous secret signs too until previous_until.
CREATE TABLE webhook_endpoint (
    id                UUID          NOT NULL PRIMARY KEY,
    region_code       VARCHAR(12)   NOT NULL,
    url               VARCHAR(2000) NOT NULL,
    secret_sealed     VARCHAR(500)  NOT NULL,
    previous_sealed   VARCHAR(500),
    previous_until    TIMESTAMP WITH TIME ZONE,
    enabled           BOOLEAN       NOT NULL,
    disabled_reason   VARCHAR(20),
    disabled_at       TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        UUID          NOT NULL,
    idempotency_key   VARCHAR(100),
    CONSTRAINT webhook_endpoint_idempotency_uk UNIQUE (created_by, idempotency_key)
);
CREATE INDEX webhook_endpoint_region_ix ON webhook_endpoint (region_code);

CREATE TABLE webhook_subscription (
    endpoint_id UUID        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_type  VARCHAR(60) NOT NULL,
    PRIMARY KEY (endpoint_id, event_type)
);
CREATE INDEX webhook_subscription_type_ix ON webhook_subscription (event_type);

CREATE TABLE webhook_message (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    event_type  VARCHAR(60)   NOT NULL,
    region_code VARCHAR(12)   NOT NULL,
    payload     VARCHAR(20000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webhook_delivery (
    id              UUID        NOT NULL PRIMARY KEY,
    endpoint_id     UUID        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    message_id      VARCHAR(40) NOT NULL REFERENCES webhook_message (id),
    status          VARCHAR(20) NOT NULL,
    attempts        INT         NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    leased_until    TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_status     INT,
    last_error      VARCHAR(200),
    replay_of       UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_delivery_due_ix ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_endpoint_ix ON webhook_delivery (endpoint_id, created_at);

CREATE TABLE webhook_attempt (
    id           UUID         NOT NULL PRIMARY KEY,
    delivery_id  UUID         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt      INT          NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code  INT,
    error        VARCHAR(200),
    response     VARCHAR(500),
    duration_ms  BIGINT       NOT NULL
);
CREATE INDEX webhook_attempt_delivery_ix ON webhook_attempt (delivery_id, attempt);
