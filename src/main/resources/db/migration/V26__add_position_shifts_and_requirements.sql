-- Shifts and further requirements of positions, and sign-ups made by someone else.
-- A position may have its own time window (a shift) within its activity; without one it
-- lasts as long as the activity. It may also require a gender or a number of past
-- services or hours.
ALTER TABLE activity_position ADD COLUMN starts_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE activity_position ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE activity_position ADD COLUMN gender VARCHAR(8);
ALTER TABLE activity_position ADD COLUMN min_services INT;
ALTER TABLE activity_position ADD COLUMN min_hours NUMERIC(8, 2);

-- A volunteer may hold several shifts of one activity. A sign-up's slot is its position
-- when that is a shift, else the activity itself: one sign-up per volunteer and slot, so
-- that nobody holds two whole-activity places however the requests race.
ALTER TABLE signup ADD COLUMN slot_id UUID;
UPDATE signup SET slot_id = activity_id;
ALTER TABLE signup ALTER COLUMN slot_id SET NOT NULL;
ALTER TABLE signup DROP CONSTRAINT signup_activity_volunteer_uk;
ALTER TABLE signup ADD CONSTRAINT signup_activity_volunteer_slot_uk UNIQUE (activity_id, volunteer_id, slot_id);

-- Who made the sign-up (an account) and how: SELF, GROUP (a team leader or guardian for
-- others) or DIRECT (an organizer added the volunteer, with the reason in signup_event).
ALTER TABLE signup ADD COLUMN signed_up_by UUID;
ALTER TABLE signup ADD COLUMN signed_up_via VARCHAR(8) DEFAULT 'SELF' NOT NULL;
