-- The sign-up of signup-spread.sql with every statement addressed by the distribution key, as
-- the platform's are (docs/scale-out.md): the position, its activity and the volunteer are read
-- first, then the place is claimed by activity and id and the sign-up row inserted with plain
-- values. It runs unchanged on PostgreSQL and on a Citus coordinator, where each statement goes
-- to the activity's shard; the ceiling for the comparison of the two (bench/run.sh pgbench with
-- PGBENCH_SCRIPTS=keyed).
-- Spread: a random one of the :positions positions of the pgbench-spread activities.
-- Client c signs up volunteers c+1, c+1+nclients, ... of its pool: nobody signs up twice.
\set k :k + 1
\set n :client_id + 1 + (:k - 1) * :nclients
\set p random(1, :positions)
SELECT b.position_id, b.activity_id, v.volunteer_id FROM bench.pgbench_position b, bench.pgbench_volunteer v
WHERE b.kind = 'spread' AND b.n = :p AND v.kind = 'spread' AND v.n = :n \gset
BEGIN;
WITH claimed AS (
  UPDATE activity_position SET accepted = accepted + 1
  WHERE activity_id = :activity_id AND id = :position_id AND accepted < capacity
  RETURNING 1)
SELECT COUNT(*) AS won FROM claimed \gset
\if :won
INSERT INTO signup (id, activity_id, position_id, volunteer_id, status, holds_place, queued_at, decided_at,
  created_at, slot_id)
VALUES (gen_random_uuid(), :activity_id, :position_id, :volunteer_id, 'APPROVED', TRUE, now(), now(), now(),
  :activity_id);
\else
INSERT INTO signup (id, activity_id, position_id, volunteer_id, status, holds_place, queued_at, decided_at,
  created_at, slot_id)
VALUES (gen_random_uuid(), :activity_id, :position_id, :volunteer_id, 'WAITLISTED', FALSE, now(), NULL, now(),
  :activity_id);
\endif
END;
