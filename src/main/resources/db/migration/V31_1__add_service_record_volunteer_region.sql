-- The volunteer's region when the record was written: where its hours, and the volunteer's
-- service in its month and year, count in the statistics, also after the volunteer moves.
-- Records written before this column take the volunteer's region at the migration, the
-- best that is known of them. Not part of the record's hash: it is where the platform
-- counts the record, not what the record says.
ALTER TABLE service_record ADD COLUMN volunteer_region_code VARCHAR(12);

UPDATE service_record SET volunteer_region_code = (SELECT v.region_code FROM volunteer v
    WHERE v.id = service_record.volunteer_id);

ALTER TABLE service_record ALTER COLUMN volunteer_region_code SET NOT NULL;
