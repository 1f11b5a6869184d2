-- The person whose data an entry is about (the owner of the object read or acted on), so
-- that a person's own data download can show who else read their data.
ALTER TABLE audit_event ADD COLUMN subject_account_id UUID;

CREATE INDEX audit_event_subject_ix ON audit_event (subject_account_id, occurred_at);
