-- Registered volunteers are now also counted by gender and birth year together
-- (dim GENDER_YEAR, key 'MALE:1990'), for the age pyramid, and the volunteers' rows and
-- the active volunteers are also kept per calendar quarter (period '2025Q1'), so that a
-- quarter's distinct count is a lookup: the rollups are built again from the facts at the
-- next start.
UPDATE stat_fold SET built_at = NULL WHERE name = 'rollups';
