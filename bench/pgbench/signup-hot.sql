-- One sign-up with the transaction shape of the platform's (Signups.signUp): take a place
-- with the capacity-guarded UPDATE of ActivityRepository.claimPlace, then insert the sign-up
-- row of SignupRepository.insert, APPROVED holding a place when one was taken, else
-- WAITLISTED (the activity has a waiting list).
-- Hot: every client competes for the one position of the pgbench-hot activity.
-- Client c signs up volunteers c+1, c+1+nclients, ... of its pool: nobody signs up twice.
\set k :k + 1
\set n :client_id + 1 + (:k - 1) * :nclients
\set p 1
BEGIN;
WITH claimed AS (
  UPDATE activity_position SET accepted = accepted + 1
  WHERE id = (SELECT position_id FROM bench.pgbench_position WHERE kind = 'hot' AND n = :p)
    AND accepted < capacity
  RETURNING 1)
SELECT COUNT(*) AS won FROM claimed \gset
\if :won
INSERT INTO signup (id, activity_id, position_id, volunteer_id, status, holds_place, queued_at, decided_at,
  created_at, slot_id)
SELECT gen_random_uuid(), b.activity_id, b.position_id, v.volunteer_id, 'APPROVED', TRUE, now(), now(), now(), b.activity_id
FROM bench.pgbench_position b, bench.pgbench_volunteer v
WHERE b.kind = 'hot' AND b.n = :p AND v.kind = 'hot' AND v.n = :n;
\else
INSERT INTO signup (id, activity_id, position_id, volunteer_id, status, holds_place, queued_at, decided_at,
  created_at, slot_id)
SELECT gen_random_uuid(), b.activity_id, b.position_id, v.volunteer_id, 'WAITLISTED', FALSE, now(), NULL, now(), b.activity_id
FROM bench.pgbench_position b, bench.pgbench_volunteer v
WHERE b.kind = 'hot' AND b.n = :p AND v.kind = 'hot' AND v.n = :n;
\endif
END;
