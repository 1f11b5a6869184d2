-- Hours used for a service (用时间兑换服务): a service a volunteer orders with their own hours,
-- or one an operator of their region records for them. The hours leave the volunteer's
-- account when it is ordered and are held (a HOLD into the region's HOLDS account); a
-- cancellation gives them back (RELEASE), a service done spends them (WITHDRAWAL, from the
-- holds into the region's SERVICES account). hold_transfer_id names the movement that held
-- the hours, decision_transfer_id the one that released or spent them. need_id names the
-- need of the needs module the hours pay for, when they pay for one. The idempotency key is
-- the caller's, per account.
CREATE TABLE time_service (
    id                   UUID          NOT NULL PRIMARY KEY,
    volunteer_id         UUID          NOT NULL REFERENCES volunteer (id),
    region_code          VARCHAR(12)   NOT NULL,
    hours                NUMERIC(12, 2) NOT NULL,
    description          VARCHAR(200)  NOT NULL,
    need_id              UUID,
    status               VARCHAR(16)   NOT NULL,
    hold_transfer_id     UUID          NOT NULL REFERENCES time_transfer (id),
    decision_transfer_id UUID          REFERENCES time_transfer (id),
    ordered_by           UUID          NOT NULL,
    idempotency_key      VARCHAR(100),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE,
    decided_by           UUID,
    CONSTRAINT time_service_hours_ck CHECK (hours > 0),
    CONSTRAINT time_service_key_ux UNIQUE (ordered_by, idempotency_key)
);

CREATE INDEX time_service_volunteer_ix ON time_service (volunteer_id, created_at);
CREATE INDEX time_service_region_ix ON time_service (region_code, status, created_at);
