-- Evaluations (评价) after a counted service: the recording organization rates the
-- volunteer, and the volunteer rates the activity, one of each per service record. Both
-- may be changed for 30 days after the record was made; updated_at is the last change.
CREATE TABLE volunteer_evaluation (
    record_id        UUID          NOT NULL PRIMARY KEY REFERENCES service_record (id),
    volunteer_id     UUID          NOT NULL REFERENCES volunteer (id),
    organization_id  UUID          NOT NULL REFERENCES organization (id),
    activity_id      UUID          NOT NULL REFERENCES activity (id),
    stars            INTEGER       NOT NULL,
    comment          VARCHAR(200),
    rated_by         UUID          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT volunteer_evaluation_stars_ck CHECK (stars BETWEEN 1 AND 5)
);

CREATE INDEX volunteer_evaluation_volunteer_ix ON volunteer_evaluation (volunteer_id, updated_at);
CREATE INDEX volunteer_evaluation_org_ix ON volunteer_evaluation (organization_id);

CREATE TABLE activity_rating (
    record_id        UUID          NOT NULL PRIMARY KEY REFERENCES service_record (id),
    volunteer_id     UUID          NOT NULL REFERENCES volunteer (id),
    activity_id      UUID          NOT NULL REFERENCES activity (id),
    stars            INTEGER       NOT NULL,
    comment          VARCHAR(200),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT activity_rating_stars_ck CHECK (stars BETWEEN 1 AND 5)
);

CREATE INDEX activity_rating_activity_ix ON activity_rating (activity_id, updated_at);
CREATE INDEX activity_rating_volunteer_ix ON activity_rating (volunteer_id);
