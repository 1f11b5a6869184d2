-- Check-in and check-out: one row per volunteer and activity, with where the volunteer
-- stood, how the times were taken (QR, by the organizer, or closed by the rule), and the
-- service record that check-out produced.
CREATE TABLE attendance (
    id               UUID         NOT NULL PRIMARY KEY,
    activity_id      UUID         NOT NULL REFERENCES activity (id),
    volunteer_id     UUID         NOT NULL REFERENCES volunteer (id),
    checked_in_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_out_at   TIMESTAMP WITH TIME ZONE,
    check_in_method  VARCHAR(16)  NOT NULL,
    check_out_method VARCHAR(16),
    lat              DOUBLE PRECISION,
    lng              DOUBLE PRECISION,
    accuracy_meters  DOUBLE PRECISION,
    distance_meters  DOUBLE PRECISION,
    reason           VARCHAR(500),
    recorded_by      UUID,
    record_id        UUID,
    needs_review     BOOLEAN      NOT NULL DEFAULT FALSE,
    flags            VARCHAR(200),
    CONSTRAINT attendance_activity_volunteer_uk UNIQUE (activity_id, volunteer_id)
);

CREATE INDEX attendance_open_ix ON attendance (activity_id, checked_out_at);
CREATE INDEX attendance_volunteer_ix ON attendance (volunteer_id, checked_in_at);
