-- Rankings (C16): each organization's and project's counted service and published activities
-- per period, kept by the fold like the other rollups, so that a ranking reads one row per
-- organization or project instead of their records. kind: ORGANIZATION or PROJECT, of the
-- record's or activity's activity (neither changes once the activity exists); period as in
-- stat_member: a month ('2025-03', by the record's or activity's start, China time), a year
-- ('2025') or all time ('ALL'). A top-N reads the index in the order of hours.
CREATE TABLE stat_provider (
    kind        VARCHAR(16)    NOT NULL,
    provider_id UUID           NOT NULL,
    period      VARCHAR(7)     NOT NULL,
    hours       NUMERIC(16, 2) NOT NULL,
    records     BIGINT         NOT NULL,
    activities  BIGINT         NOT NULL,
    CONSTRAINT stat_provider_pk PRIMARY KEY (kind, provider_id, period)
);

CREATE INDEX stat_provider_rank_ix ON stat_provider (kind, period, hours);

-- A SERVICE or ACTIVITY row names the activity's organization and project (NULL: none).
ALTER TABLE stat_outbox ADD COLUMN organization_id UUID;

ALTER TABLE stat_outbox ADD COLUMN project_id UUID;

-- The statistics are built from the facts again on the next start, so that the table above
-- holds the service recorded before it came.
UPDATE stat_fold SET built_at = NULL WHERE name = 'rollups';
