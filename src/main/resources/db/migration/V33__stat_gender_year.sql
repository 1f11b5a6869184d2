-- Registered volunteers are now also counted by gender and birth year together
-- (dim GENDER_YEAR, key 'MALE:1990'), for the age pyramid: the rollups are built again
-- from the facts at the next start.
UPDATE stat_fold SET built_at = NULL WHERE name = 'rollups';
