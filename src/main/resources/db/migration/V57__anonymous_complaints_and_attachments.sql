-- Reports by anonymous visitors (C18): no complainant account, a contact phone instead; they
-- follow their report with a tracking code shown once, of which only a SHA-256 hash (to
-- find the report) and a sealed copy (to give the same answer to a repeated request) are
-- kept. anonymous_key is the contact phone and the Idempotency-Key of an anonymous report.
ALTER TABLE complaint ALTER COLUMN complainant_id DROP NOT NULL;
ALTER TABLE complaint ADD COLUMN contact_name VARCHAR(50);
ALTER TABLE complaint ADD COLUMN tracking_hash VARCHAR(64);
ALTER TABLE complaint ADD COLUMN tracking_sealed VARCHAR(200);
ALTER TABLE complaint ADD COLUMN anonymous_key VARCHAR(140);
CREATE UNIQUE INDEX complaint_tracking_uk ON complaint (tracking_hash);
CREATE UNIQUE INDEX complaint_anonymous_key_uk ON complaint (anonymous_key);
CREATE INDEX complaint_contact_idx ON complaint (contact_phone, filed_at);

-- Evidence attached to a complaint (photos, PDFs), numbered from 1, kept in the database
-- so that every instance serves them. Shown to the complainant and the region's operators
-- and auditors only.
CREATE TABLE complaint_attachment (
    complaint_id  UUID         NOT NULL REFERENCES complaint (id),
    position      INTEGER      NOT NULL,
    file_name     VARCHAR(100) NOT NULL,
    content_type  VARCHAR(40)  NOT NULL,
    size_bytes    INTEGER      NOT NULL,
    content       BYTEA        NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (complaint_id, position)
);
