-- Points (积分) and the rewards they buy (礼遇回馈), kept apart from the time bank: points
-- thank volunteers for service and are spent on rewards; they never become hours.
--
-- The rules of a region, inherited by the regions below it that set none: points per hour of
-- counted service, more for hard (HIGH-risk) and for emergency service, and the months a
-- batch of points stays valid.
CREATE TABLE point_rule (
    region_code        VARCHAR(12)   NOT NULL PRIMARY KEY,
    per_hour           INT           NOT NULL,
    hard_per_hour      INT           NOT NULL,
    emergency_per_hour INT           NOT NULL,
    valid_months       INT           NOT NULL,
    updated_by         UUID          NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT point_rule_ck CHECK (per_hour >= 0 AND hard_per_hour >= 0 AND emergency_per_hour >= 0
        AND valid_months > 0)
);

-- One row per volunteer who ever held points: the row every change of their points locks,
-- and the points a correction could not take back because they had been spent (settled from
-- the next points issued).
CREATE TABLE point_account (
    volunteer_id UUID          NOT NULL PRIMARY KEY REFERENCES volunteer (id),
    owed         INT           NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT point_account_owed_ck CHECK (owed >= 0)
);

-- A batch (lot) of points issued for one service record, valid until expires_at; remaining
-- is what is left of it, always the sum of its entries. rate is the points per hour it was
-- issued at, by which later changes of the record's hours are counted. Spending takes the
-- lots that expire first.
CREATE TABLE point_lot (
    id           UUID          NOT NULL PRIMARY KEY,
    volunteer_id UUID          NOT NULL REFERENCES point_account (volunteer_id),
    record_id    UUID,
    region_code  VARCHAR(12)   NOT NULL,
    rate         INT           NOT NULL,
    points       INT           NOT NULL,
    remaining    INT           NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT point_lot_ck CHECK (points > 0 AND remaining >= 0 AND remaining <= points)
);

CREATE INDEX point_lot_volunteer_ix ON point_lot (volunteer_id, expires_at);
CREATE INDEX point_lot_record_ix ON point_lot (record_id);
CREATE INDEX point_lot_expiry_ix ON point_lot (expires_at, remaining);

-- What changed a lot, never edited or deleted: ISSUE (+), CORRECTION (− a record's hours
-- went down), SETTLEMENT (− owed points taken from a new lot), SPEND (− a redemption),
-- REFUND (+ a redemption cancelled), EXPIRY (− what was left when the lot expired).
CREATE TABLE point_entry (
    id            UUID          NOT NULL PRIMARY KEY,
    volunteer_id  UUID          NOT NULL REFERENCES point_account (volunteer_id),
    lot_id        UUID          NOT NULL REFERENCES point_lot (id),
    kind          VARCHAR(16)   NOT NULL,
    points        INT           NOT NULL,
    record_id     UUID,
    redemption_id UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT point_entry_ck CHECK (points <> 0)
);

CREATE INDEX point_entry_volunteer_ix ON point_entry (volunteer_id, created_at, id);
CREATE INDEX point_entry_lot_ix ON point_entry (lot_id);

-- A reward of a region's catalogue, for the volunteers of the region and the regions below:
-- offered by the platform (merchant NULL) or by a partner merchant, who checks redemption
-- codes on a page opened with the reward's key (kept as its SHA-256 digest). stock is what
-- is left; it never goes below zero.
CREATE TABLE reward (
    id              UUID          NOT NULL PRIMARY KEY,
    region_code     VARCHAR(12)   NOT NULL,
    title           VARCHAR(60)   NOT NULL,
    description     VARCHAR(500),
    merchant        VARCHAR(60),
    price           INT           NOT NULL,
    stock           INT           NOT NULL,
    redeemed        INT           NOT NULL DEFAULT 0,
    per_person      INT           NOT NULL,
    available_until DATE,
    status          VARCHAR(16)   NOT NULL,
    check_key_hash  VARCHAR(64)   NOT NULL,
    created_by      UUID          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reward_ck CHECK (price > 0 AND stock >= 0 AND redeemed >= 0 AND per_person > 0)
);

CREATE INDEX reward_region_ix ON reward (region_code, status);

-- A redemption: the points paid, the code the merchant checks, ISSUED until USED or
-- CANCELLED (the points refunded and the item back in stock).
CREATE TABLE reward_redemption (
    id              UUID          NOT NULL PRIMARY KEY,
    reward_id       UUID          NOT NULL REFERENCES reward (id),
    volunteer_id    UUID          NOT NULL REFERENCES point_account (volunteer_id),
    points          INT           NOT NULL,
    code            VARCHAR(12)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    account_id      UUID          NOT NULL,
    idempotency_key VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT reward_redemption_code_ux UNIQUE (code)
);

CREATE UNIQUE INDEX reward_redemption_key_ux ON reward_redemption (account_id, idempotency_key);
CREATE INDEX reward_redemption_volunteer_ix ON reward_redemption (volunteer_id, created_at);
CREATE INDEX reward_redemption_reward_ix ON reward_redemption (reward_id, volunteer_id);
