-- The time bank (时间银行): spendable time credits in a double-entry ledger, apart from the
-- service records they come from (which are history and never spent).
--
-- An account is a volunteer's (kind VOLUNTEER, one per volunteer) or the platform's, per
-- region: ISSUANCE (where every credit comes from; its balance is minus all credits issued),
-- DONATION_POOL (hours above a volunteer's cap, and hours given to it), HOLDS (hours held for
-- a service ordered and not yet done) and SERVICES (hours spent on services). A volunteer's
-- balance is kept on their row, which every movement of theirs locks, and never goes below
-- zero; owed is what a correction could not take back because the hours had been spent, and
-- the next deposits settle it. The platform's balances are the sums of their entries.
-- owner_key names the account once ("V:" and the volunteer's id, or the kind and the region,
-- "DONATION_POOL:110105001"), so that two movements opening it at once open it once.
CREATE TABLE time_account (
    id            UUID          NOT NULL PRIMARY KEY,
    owner_key     VARCHAR(60)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    volunteer_id  UUID          REFERENCES volunteer (id),
    region_code   VARCHAR(12)   NOT NULL,
    balance       NUMERIC(12, 2) NOT NULL DEFAULT 0,
    owed          NUMERIC(12, 2) NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT time_account_balance_ck CHECK (balance >= 0 AND owed >= 0)
);

CREATE UNIQUE INDEX time_account_owner_ux ON time_account (owner_key);
CREATE UNIQUE INDEX time_account_volunteer_ux ON time_account (volunteer_id);
CREATE INDEX time_account_region_ix ON time_account (region_code, kind);

-- One movement: entries that sum to zero, written together and never changed. record_id
-- names the service record a deposit or correction comes from; corrects_id the movement a
-- correction corrects; the idempotency key is the caller's, per account.
CREATE TABLE time_transfer (
    id               UUID          NOT NULL PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    record_id        UUID,
    corrects_id      UUID          REFERENCES time_transfer (id),
    from_volunteer   UUID,
    to_volunteer     UUID,
    hours            NUMERIC(12, 2) NOT NULL,
    memo             VARCHAR(200),
    actor_account_id UUID,
    idempotency_key  VARCHAR(100),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX time_transfer_key_ux ON time_transfer (actor_account_id, idempotency_key);
CREATE INDEX time_transfer_record_ix ON time_transfer (record_id);

-- An entry: hours into (positive) or out of (negative) one account. balance_after is the
-- volunteer's balance after it (NULL for the platform's accounts, whose balances are sums);
-- counterparty_id the account on the other side; leg its place in the movement.
CREATE TABLE time_entry (
    id              UUID          NOT NULL PRIMARY KEY,
    transfer_id     UUID          NOT NULL REFERENCES time_transfer (id),
    account_id      UUID          NOT NULL REFERENCES time_account (id),
    kind            VARCHAR(16)   NOT NULL,
    hours           NUMERIC(12, 2) NOT NULL,
    balance_after   NUMERIC(12, 2),
    counterparty_id UUID          NOT NULL REFERENCES time_account (id),
    leg             INT           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT time_entry_hours_ck CHECK (hours <> 0)
);

CREATE INDEX time_entry_account_ix ON time_entry (account_id, created_at, id);
CREATE INDEX time_entry_transfer_ix ON time_entry (transfer_id);

-- Relatives a volunteer declares (spouse, parent, child, grandparent, grandchild), which the
-- relative confirms from their own account; hours are given only to confirmed relatives.
-- relation is what the relative is to the volunteer who declared.
CREATE TABLE time_relative (
    id            UUID          NOT NULL PRIMARY KEY,
    volunteer_id  UUID          NOT NULL REFERENCES volunteer (id),
    relative_id   UUID          NOT NULL REFERENCES volunteer (id),
    relation      VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    declared_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT time_relative_pair_ux UNIQUE (volunteer_id, relative_id)
);

CREATE INDEX time_relative_relative_ix ON time_relative (relative_id);

-- The storage cap of a region's volunteers' time accounts (hours), inherited like the other
-- settings; NULL everywhere: 1,500 hours.
ALTER TABLE region_setting ADD COLUMN time_bank_cap NUMERIC(8, 2);
