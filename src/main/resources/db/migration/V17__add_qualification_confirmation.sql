-- A qualification the volunteer typed in is their own statement (SELF_DECLARED) until an
-- admin of an organization they belong to, or an operator of their region, confirms it
-- (CONFIRMED); training grants qualifications outright (GRANTED). Only confirmed and
-- granted ones meet a position's requirement. Every qualification entered so far was
-- typed in by its volunteer.
ALTER TABLE volunteer_qualification ADD COLUMN status VARCHAR(16) DEFAULT 'SELF_DECLARED' NOT NULL;
ALTER TABLE volunteer_qualification ADD COLUMN confirmed_by UUID;
ALTER TABLE volunteer_qualification ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
