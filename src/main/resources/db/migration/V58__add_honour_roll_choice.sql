-- Whether a volunteer agreed to be shown, by masked name with their star level and hours,
-- on the honour roll (光荣榜) of their region (C19). Nobody is shown without saying yes.
ALTER TABLE volunteer ADD COLUMN on_honour_roll BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX volunteer_honour_roll_ix ON volunteer (on_honour_roll, region_code);
