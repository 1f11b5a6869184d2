-- The lower-cased text (title, description and address, one per line) of the activities
-- that the public search shows (recruiting or in progress): a text search scans these few
-- narrow rows with one LIKE instead of every open activity's three columns. Kept in step
-- with publishing, editing and every status change by the activity module.
CREATE TABLE activity_search_text (
    activity_id UUID          NOT NULL PRIMARY KEY REFERENCES activity (id),
    search_text VARCHAR(4400) NOT NULL
);

INSERT INTO activity_search_text (activity_id, search_text)
SELECT id, LOWER(title || '
' || description || '
' || address)
FROM activity
WHERE status IN ('RECRUITING', 'IN_PROGRESS');
