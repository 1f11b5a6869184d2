-- A series: one activity repeated daily or weekly, its occurrences generated at once,
-- each an activity with its own positions and sign-ups.
CREATE TABLE activity_series (
    id              UUID         NOT NULL PRIMARY KEY,
    organization_id UUID         NOT NULL REFERENCES organization (id),
    frequency       VARCHAR(8)   NOT NULL,
    occurrences     INT          NOT NULL,
    created_by      UUID         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE activity ADD COLUMN series_id UUID REFERENCES activity_series (id);
CREATE INDEX activity_series_ix ON activity (series_id, starts_at);
