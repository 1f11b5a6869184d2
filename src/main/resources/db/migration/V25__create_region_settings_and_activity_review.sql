-- A region's own settings; a column left NULL inherits from the nearest region above that
-- sets it (star thresholds stay in star_threshold, five rows per region that sets them).
-- activity_review: ALL, HIGH_RISK or NONE, which activities wait for the operators'
-- review before they recruit. population: residents, for the dashboards' ratios.
CREATE TABLE region_setting (
    region_code     VARCHAR(12)   NOT NULL PRIMARY KEY,
    activity_review VARCHAR(16),
    population      BIGINT,
    updated_by      UUID          NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each time an activity is sent to its region's operators: for review before it recruits,
-- or, when backfill is true, for confirmation of an activity registered after it took
-- place (补录) together with its records. decision stays NULL while it waits; then
-- APPROVE or REJECT, the reason (required to reject) reaching whoever sent it.
CREATE TABLE activity_review (
    id           UUID          NOT NULL PRIMARY KEY,
    activity_id  UUID          NOT NULL REFERENCES activity (id),
    backfill     BOOLEAN       NOT NULL,
    submitted_by UUID          NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decision     VARCHAR(8),
    reason       VARCHAR(500),
    decided_by   UUID,
    decided_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX activity_review_activity_ix ON activity_review (activity_id, submitted_at);
CREATE INDEX activity_review_open_ix ON activity_review (decision, submitted_at);
