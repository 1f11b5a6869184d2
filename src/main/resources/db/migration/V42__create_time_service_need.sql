-- The need a held or spent service pays for (a service of the time bank ordered for a
-- need of the needs module): one at a time per need. The row goes when its service is
-- cancelled, so that the need can be paid for again; when the need is done or cancelled,
-- the service is spent or given back in the same transaction.
CREATE TABLE time_service_need (
    need_id    UUID NOT NULL PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES time_service (id)
);
