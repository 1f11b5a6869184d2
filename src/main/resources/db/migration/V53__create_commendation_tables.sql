-- Commendation (表彰, C8): campaigns of a region for volunteers, organizations or projects;
-- nominations with their reasons and review; the public notice (公示) with objections
-- answered by the operators; and the awards, which are records of those awarded.

-- A campaign: nominations until nominations_until; the notice runs from notice_starts_at
-- to notice_ends_at once an operator opens it; awarded_at once the awards are made.
CREATE TABLE commendation (
    id                UUID         NOT NULL PRIMARY KEY,
    region_code       VARCHAR(12)  NOT NULL,
    title             VARCHAR(100) NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    nominations_until TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_days       INTEGER      NOT NULL,
    notice_starts_at  TIMESTAMP WITH TIME ZONE,
    notice_ends_at    TIMESTAMP WITH TIME ZONE,
    awarded_at        TIMESTAMP WITH TIME ZONE,
    created_by        UUID         NOT NULL,
    idempotency_key   VARCHAR(100),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT commendation_key_uq UNIQUE (created_by, idempotency_key)
);

CREATE INDEX commendation_region_ix ON commendation (region_code, created_at);

-- A nominee of a campaign, once each: PENDING until reviewed, then APPROVED or REJECTED;
-- an upheld objection WITHDRAWS it; AWARDED at the end. public_name is what the public
-- sees: a volunteer's masked name, an organization's or project's name.
-- organization_id: the organization the nominee belongs to (a volunteer's nominating
-- organization, the organization itself, the project's organization).
CREATE TABLE commendation_nomination (
    id               UUID         NOT NULL PRIMARY KEY,
    commendation_id  UUID         NOT NULL REFERENCES commendation (id),
    nominee_id       UUID         NOT NULL,
    public_name      VARCHAR(200) NOT NULL,
    nominee_region   VARCHAR(12)  NOT NULL,
    organization_id  UUID,
    reason           VARCHAR(500) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    nominated_by     UUID         NOT NULL,
    idempotency_key  VARCHAR(100),
    nominated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by      UUID,
    reviewed_at      TIMESTAMP WITH TIME ZONE,
    review_note      VARCHAR(500),
    CONSTRAINT commendation_nominee_uq UNIQUE (commendation_id, nominee_id),
    CONSTRAINT commendation_nomination_key_uq UNIQUE (nominated_by, idempotency_key)
);

-- An objection to a nominee during the notice: OPEN until an operator answers it UPHELD
-- (the nomination is withdrawn) or DISMISSED.
CREATE TABLE commendation_objection (
    id            UUID         NOT NULL PRIMARY KEY,
    nomination_id UUID         NOT NULL REFERENCES commendation_nomination (id),
    raised_by     UUID         NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    raised_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    answered_by   UUID,
    answered_at   TIMESTAMP WITH TIME ZONE,
    note          VARCHAR(500)
);

CREATE INDEX commendation_objection_nomination_ix ON commendation_objection (nomination_id, status);

-- An award: a record of the volunteer, organization or project, kept for good.
CREATE TABLE commendation_award (
    id              UUID         NOT NULL PRIMARY KEY,
    commendation_id UUID         NOT NULL REFERENCES commendation (id),
    nomination_id   UUID         NOT NULL REFERENCES commendation_nomination (id),
    kind            VARCHAR(16)  NOT NULL,
    nominee_id      UUID         NOT NULL,
    public_name     VARCHAR(200) NOT NULL,
    nominee_region  VARCHAR(12)  NOT NULL,
    organization_id UUID,
    region_code     VARCHAR(12)  NOT NULL,
    title           VARCHAR(100) NOT NULL,
    awarded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT commendation_award_nomination_uq UNIQUE (nomination_id)
);

CREATE INDEX commendation_award_nominee_ix ON commendation_award (nominee_id);
CREATE INDEX commendation_award_region_ix ON commendation_award (region_code);
CREATE INDEX commendation_award_nominee_region_ix ON commendation_award (nominee_region);
