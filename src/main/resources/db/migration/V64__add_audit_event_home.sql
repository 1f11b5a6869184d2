-- Where an audit entry is kept: the key of the rows its transaction wrote (a volunteer's for a
-- service record), else its actor's account, else its own id. On a Citus cluster the trail is
-- distributed by it (docs/scale-out.md), so that an entry is written on the shard its
-- transaction writes anyway and the trail's size divides among the workers.
ALTER TABLE audit_event ADD COLUMN home_id UUID;

UPDATE audit_event SET home_id = COALESCE(actor_id, id);

ALTER TABLE audit_event ALTER COLUMN home_id SET NOT NULL;
