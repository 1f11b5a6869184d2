-- The time bank keyed by the volunteer (docs/scale-out.md): on a Citus cluster a volunteer's
-- account, their movements and every entry of them live on the volunteer's shard, beside
-- their records, so that a deposit made as a check-out counts its hours writes one shard.
--
-- 1. A volunteer's account takes their volunteer's id, so that it is found, locked and
--    placed by it. The accounts opened before this move their entries with them; the
--    platform's accounts keep their ids (found by their owner key).
DROP INDEX time_account_owner_ux;
DROP INDEX time_account_volunteer_ux;
-- the old rows are deleted below, each after a check that no entry names it: an index on
-- the entries' other side while it runs, made before the entries change (an index made
-- after its rows were updated in the same transaction may be unusable to it), else every delete
-- reads every entry
CREATE INDEX time_entry_counterparty_ix ON time_entry (counterparty_id);

INSERT INTO time_account (id, owner_key, kind, volunteer_id, region_code, balance, owed, created_at)
SELECT volunteer_id, owner_key, kind, volunteer_id, region_code, balance, owed, created_at
FROM time_account WHERE kind = 'VOLUNTEER' AND id <> volunteer_id;

UPDATE time_entry SET account_id = (SELECT a.volunteer_id FROM time_account a WHERE a.id = time_entry.account_id)
WHERE account_id IN (SELECT id FROM time_account WHERE kind = 'VOLUNTEER' AND id <> volunteer_id);

UPDATE time_entry SET counterparty_id = (SELECT a.volunteer_id FROM time_account a
                                         WHERE a.id = time_entry.counterparty_id)
WHERE counterparty_id IN (SELECT id FROM time_account WHERE kind = 'VOLUNTEER' AND id <> volunteer_id);

DELETE FROM time_account WHERE kind = 'VOLUNTEER' AND id <> volunteer_id;
DROP INDEX time_entry_counterparty_ix;

CREATE UNIQUE INDEX time_account_owner_ux ON time_account (owner_key);
CREATE UNIQUE INDEX time_account_volunteer_ux ON time_account (volunteer_id);

-- 2. A movement's home: the volunteer it is of (the giver of a gift, the depositor of a
--    deposit, the payer of a service). Its idempotency key and its origin are claimed
--    within it, as a cluster can check them.
ALTER TABLE time_transfer ADD COLUMN home_id UUID;
UPDATE time_transfer SET home_id = COALESCE(from_volunteer, to_volunteer, id);
ALTER TABLE time_transfer ALTER COLUMN home_id SET NOT NULL;

DROP INDEX time_transfer_key_ux;
CREATE UNIQUE INDEX time_transfer_key_ux ON time_transfer (home_id, actor_account_id, idempotency_key);
DROP INDEX time_transfer_origin_ux;
CREATE UNIQUE INDEX time_transfer_origin_ux ON time_transfer (home_id, origin, origin_transfer_id);

-- 3. An entry's home: the volunteer whose account it moves, else its movement's (a
--    platform account's leg lives beside the volunteer it moved hours for). A volunteer's
--    statement reads their shard; a gift writes the giver's and the receiver's.
ALTER TABLE time_entry ADD COLUMN home_id UUID;
UPDATE time_entry SET home_id = CASE
    WHEN account_id IN (SELECT id FROM time_account WHERE kind = 'VOLUNTEER') THEN account_id
    ELSE (SELECT t.home_id FROM time_transfer t WHERE t.id = time_entry.transfer_id) END;
ALTER TABLE time_entry ALTER COLUMN home_id SET NOT NULL;

-- 4. A service keeps the payer's balance after its hours were held, which it read from the
--    hold's entry.
ALTER TABLE time_service ADD COLUMN hold_balance_after NUMERIC(12, 2);
UPDATE time_service SET hold_balance_after = (SELECT e.balance_after FROM time_entry e
                                              WHERE e.transfer_id = time_service.hold_transfer_id AND e.hours < 0);
