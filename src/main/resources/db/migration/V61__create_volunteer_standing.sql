-- A volunteer's standing: the row every write that gives them service locks first (their
-- records, hash chain and sign-ups are checked for overlaps one at a time), and the total hours
-- and star level those writes keep. Apart from the profile in volunteer so that, on a Citus
-- cluster, it lives on the volunteer's shard beside their attendance and records while the
-- profile is copied to every node (docs/scale-out.md).
CREATE TABLE volunteer_standing (
    volunteer_id UUID           NOT NULL PRIMARY KEY REFERENCES volunteer (id),
    total_hours  NUMERIC(12, 2) NOT NULL DEFAULT 0,
    star_level   INT            NOT NULL DEFAULT 0
);

INSERT INTO volunteer_standing (volunteer_id, total_hours, star_level)
    SELECT id, total_hours, star_level FROM volunteer;

ALTER TABLE volunteer DROP COLUMN total_hours;
ALTER TABLE volunteer DROP COLUMN star_level;
