-- A volunteer's row of a period is written by its whole primary key (volunteer, period, field,
-- region). With the period index naming only the last three, PostgreSQL's generic plan of those
-- statements, used after a few runs of a prepared statement, estimated one row either way and
-- chose the period index: every delete and update then read all the volunteers of the region's
-- month (the fold took 20,000 records back at 250 a second, BENCHMARKS.md). With the volunteer in
-- it too, either index finds the row at once; the reads by period, field and region are as before.
DROP INDEX stat_member_period_ix;

CREATE INDEX stat_member_period_ix ON stat_member (period, field, region_code, volunteer_id);
