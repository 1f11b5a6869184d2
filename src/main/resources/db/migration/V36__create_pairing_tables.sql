-- Long-term pairing (结对) of volunteers or a team with people of key groups (elderly living
-- alone, left-behind children, people with disabilities, families in hardship).
--
-- A beneficiary's personal data is sealed at rest like ID numbers (AES-256-GCM under the
-- privacy key, "zk1:<key>:<payload>"): name, address, the address's position, phone, notes
-- and a child's guardian. Only masked forms are kept in the clear, for lists.
CREATE TABLE beneficiary (
    id                   UUID         NOT NULL PRIMARY KEY,
    region_code          VARCHAR(12)  NOT NULL,
    organization_id      UUID         REFERENCES organization (id),
    key_group            VARCHAR(30)  NOT NULL,
    name_sealed          VARCHAR(400) NOT NULL,
    name_masked          VARCHAR(60)  NOT NULL,
    gender               VARCHAR(10),
    birth_year           INT          NOT NULL,
    address_sealed       VARCHAR(1000) NOT NULL,
    location_sealed      VARCHAR(400) NOT NULL,
    phone_sealed         VARCHAR(400) NOT NULL,
    phone_masked         VARCHAR(20)  NOT NULL,
    notes_sealed         VARCHAR(4000),
    guardian_name_sealed VARCHAR(400),
    guardian_consent_on  DATE,
    created_by           UUID         NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX beneficiary_region_ix ON beneficiary (region_code);
CREATE INDEX beneficiary_organization_ix ON beneficiary (organization_id);

-- A pairing of a beneficiary with an organization: one of its volunteers, or the team as a
-- whole (volunteer_kind TEAM). next_due_on is the last day of the current visit period; a
-- visit moves it one period after the visit's day, a missed period one period on.
CREATE TABLE pairing (
    id              UUID        NOT NULL PRIMARY KEY,
    beneficiary_id  UUID        NOT NULL REFERENCES beneficiary (id),
    organization_id UUID        NOT NULL REFERENCES organization (id),
    region_code     VARCHAR(12) NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    frequency       VARCHAR(10) NOT NULL,
    geofence_meters INT         NOT NULL,
    starts_on       DATE        NOT NULL,
    next_due_on     DATE        NOT NULL,
    status          VARCHAR(10) NOT NULL,
    created_by      UUID        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_by        UUID,
    ended_at        TIMESTAMP WITH TIME ZONE,
    end_reason      VARCHAR(500)
);

CREATE INDEX pairing_beneficiary_ix ON pairing (beneficiary_id);
CREATE INDEX pairing_organization_ix ON pairing (organization_id);
CREATE INDEX pairing_region_ix ON pairing (region_code);
CREATE INDEX pairing_due_ix ON pairing (status, next_due_on);

-- Who is paired, in order: rows are only ever added, so a change of volunteer keeps every
-- earlier one. The row with the highest ordinal is the current one; volunteer_id is empty
-- while the team as a whole is paired.
CREATE TABLE pairing_assignment (
    pairing_id   UUID         NOT NULL REFERENCES pairing (id),
    ordinal      INT          NOT NULL,
    volunteer_id UUID         REFERENCES volunteer (id),
    reason       VARCHAR(500),
    assigned_by  UUID         NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pairing_assignment_pk PRIMARY KEY (pairing_id, ordinal)
);

-- Visits, each checked in at the beneficiary's address: the distance from it and whether
-- that was outside the pairing's geofence (accepted only with a reason, and flagged).
CREATE TABLE pairing_visit (
    id               UUID         NOT NULL PRIMARY KEY,
    pairing_id       UUID         NOT NULL REFERENCES pairing (id),
    volunteer_id     UUID         NOT NULL REFERENCES volunteer (id),
    account_id       UUID         NOT NULL,
    visited_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    visited_on       DATE         NOT NULL,
    distance_meters  NUMERIC(10, 1) NOT NULL,
    accuracy_meters  NUMERIC(10, 1),
    outside_geofence BOOLEAN      NOT NULL,
    outside_reason   VARCHAR(200),
    note_sealed      VARCHAR(2000),
    idempotency_key  VARCHAR(100),
    CONSTRAINT pairing_visit_key_uq UNIQUE (account_id, idempotency_key)
);

CREATE INDEX pairing_visit_pairing_ix ON pairing_visit (pairing_id, visited_at);

-- Visit periods that ended without a visit, flagged once each to the organization's admins
-- and the region's operators.
CREATE TABLE pairing_missed_visit (
    pairing_id UUID NOT NULL REFERENCES pairing (id),
    due_on     DATE NOT NULL,
    flagged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pairing_missed_visit_pk PRIMARY KEY (pairing_id, due_on)
);
