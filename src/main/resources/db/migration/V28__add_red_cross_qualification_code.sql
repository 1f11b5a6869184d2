-- Positions now pick their requirements from the platform's list of qualification codes:
-- the Red Cross first aider certificate, the one most volunteers hold, joins the list
-- (unless a course already added it).
INSERT INTO qualification_code (code, name, name_en, created_at)
SELECT 'RED_CROSS_FIRST_AID', '红十字救护员证', 'Red Cross first aider certificate', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM qualification_code WHERE code = 'RED_CROSS_FIRST_AID' OR name = '红十字救护员证');
