-- What one batch of the statistics' fold adds to the rollups: written many rows to a statement,
-- merged into each rollup table by one MERGE per table, and deleted, all in the batch's
-- transaction (under the fold's lock, so the table is empty between batches). figure names
-- the rollup (Figure: REGISTERED, ORGANIZATIONS, ACTIVITIES, HOURS, ACTIVE); period is '' for
-- the figures of today. On a Citus cluster it is spread by node beside the rollups, and each
-- MERGE runs shard by shard, where an update per row would cross from the coordinator to a
-- worker each time.
CREATE TABLE stat_delta (
    figure      VARCHAR(16)    NOT NULL,
    node        VARCHAR(12)    NOT NULL,
    dim         VARCHAR(12)    NOT NULL,
    dim_key     VARCHAR(40)    NOT NULL,
    period      VARCHAR(7)     NOT NULL,
    delta_hours NUMERIC(16, 2) NOT NULL,
    delta_count BIGINT         NOT NULL
);
