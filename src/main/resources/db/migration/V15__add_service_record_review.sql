-- Anomalies of a service record, found when it is made (flags: OVERLAP, DAY_OVER_24H,
-- NO_SIGNUP, comma-separated), and whether it was held from the start (not counted until
-- reviewed). Both are part of the record's hash. review is where the record stands now:
-- NONE, FLAGGED (counted, waiting for review), HELD (not counted), CONFIRMED or VOIDED
-- (resolved); it follows from held, flags and the record's resolution, which
-- verification recomputes.
ALTER TABLE service_record ADD COLUMN flags VARCHAR(100);
ALTER TABLE service_record ADD COLUMN held BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE service_record ADD COLUMN review VARCHAR(16) NOT NULL DEFAULT 'NONE';

CREATE INDEX service_record_review_ix ON service_record (review, organization_id);

-- The decision on a flagged or held record: count it or void it, once. resolution_hash
-- covers the record's hash and the decision, so that tampering with either shows.
CREATE TABLE record_resolution (
    id               UUID          NOT NULL PRIMARY KEY,
    record_id        UUID          NOT NULL REFERENCES service_record (id),
    outcome          VARCHAR(16)   NOT NULL,
    note             VARCHAR(500)  NOT NULL,
    decided_by       UUID          NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution_hash  CHAR(64)      NOT NULL,
    CONSTRAINT record_resolution_record_uk UNIQUE (record_id)
);
