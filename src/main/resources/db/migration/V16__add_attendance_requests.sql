-- What a check-out left: the hours of its service record and where that record stands in
-- review (HELD when it overlaps counted time), so that a repeated request gets the same
-- answer as the first.
ALTER TABLE attendance ADD COLUMN hours NUMERIC(8, 2);
ALTER TABLE attendance ADD COLUMN record_review VARCHAR(16);

-- Check-outs, manual check-outs and bulk entries sent with an Idempotency-Key, per account:
-- the first request claims the key, and the attendances it closed, in order, are its
-- answer. A repeat with the key returns that answer instead of acting again.
CREATE TABLE attendance_request (
    account_id       UUID         NOT NULL,
    operation        VARCHAR(20)  NOT NULL,
    idempotency_key  VARCHAR(100) NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attendance_request_pk PRIMARY KEY (account_id, operation, idempotency_key)
);

CREATE TABLE attendance_request_item (
    account_id       UUID         NOT NULL,
    operation        VARCHAR(20)  NOT NULL,
    idempotency_key  VARCHAR(100) NOT NULL,
    ordinal          INT          NOT NULL,
    attendance_id    UUID         NOT NULL REFERENCES attendance (id),
    CONSTRAINT attendance_request_item_pk PRIMARY KEY (account_id, operation, idempotency_key, ordinal),
    CONSTRAINT attendance_request_item_request_fk FOREIGN KEY (account_id, operation, idempotency_key)
        REFERENCES attendance_request (account_id, operation, idempotency_key)
);
