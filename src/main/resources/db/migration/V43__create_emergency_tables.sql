-- Emergency mobilization (应急志愿服务, 集结出动): organizations marked as emergency teams of
-- a tier, the volunteers' emergency profiles (home location, readiness, qualifications),
-- mobilizations with their needs, and one call per volunteer called.

-- An organization marked as an emergency team: CITY (总队), DISTRICT (支队) or STREET (大队).
CREATE TABLE emergency_team (
    organization_id UUID        NOT NULL PRIMARY KEY REFERENCES organization (id),
    tier            VARCHAR(16) NOT NULL,
    region_code     VARCHAR(12) NOT NULL,
    marked_by       UUID        NOT NULL,
    marked_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX emergency_team_region_ix ON emergency_team (region_code);

-- Where a volunteer can set out from and how ready they are; one row per volunteer.
CREATE TABLE emergency_profile (
    volunteer_id UUID             NOT NULL PRIMARY KEY REFERENCES volunteer (id),
    home_lat     DOUBLE PRECISION NOT NULL,
    home_lng     DOUBLE PRECISION NOT NULL,
    readiness    VARCHAR(8)       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX emergency_profile_home_ix ON emergency_profile (home_lat, home_lng);

-- The emergency qualifications a volunteer holds (first aid, rescue, driving, ...).
CREATE TABLE emergency_qualification (
    volunteer_id UUID        NOT NULL REFERENCES emergency_profile (volunteer_id),
    kind         VARCHAR(20) NOT NULL,
    valid_until  DATE        NOT NULL,
    CONSTRAINT emergency_qualification_pk PRIMARY KEY (volunteer_id, kind)
);

-- A call to volunteers near a scene: OPEN until stood down. answer_count numbers the
-- answers in the order they came, under the row's lock, so the reserve keeps that order.
CREATE TABLE emergency_mobilization (
    id              UUID             NOT NULL PRIMARY KEY,
    region_code     VARCHAR(12)      NOT NULL,
    title           VARCHAR(100)     NOT NULL,
    lat             DOUBLE PRECISION NOT NULL,
    lng             DOUBLE PRECISION NOT NULL,
    radius_km       NUMERIC(6, 2)    NOT NULL,
    assemble_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    assembly_name   VARCHAR(100)     NOT NULL,
    assembly_lat    DOUBLE PRECISION NOT NULL,
    assembly_lng    DOUBLE PRECISION NOT NULL,
    drill           BOOLEAN          NOT NULL,
    status          VARCHAR(16)      NOT NULL,
    notified        INT              NOT NULL,
    answer_count    BIGINT           NOT NULL,
    launched_by     UUID             NOT NULL,
    idempotency_key VARCHAR(100),
    launched_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    stood_down_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT emergency_mobilization_key_uk UNIQUE (launched_by, idempotency_key)
);

CREATE INDEX emergency_mobilization_region_ix ON emergency_mobilization (region_code, launched_at);

-- What a mobilization needs: people with a skill, optionally holding a valid qualification.
CREATE TABLE emergency_need (
    mobilization_id UUID        NOT NULL REFERENCES emergency_mobilization (id),
    ordinal         INT         NOT NULL,
    skill           VARCHAR(60) NOT NULL,
    head_count      INT         NOT NULL,
    qualification   VARCHAR(20),
    CONSTRAINT emergency_need_pk PRIMARY KEY (mobilization_id, ordinal)
);

-- One volunteer called: NOTIFIED, then ACCEPTED, RESERVE or DECLINED; mustered_at once
-- they checked in at the assembly point.
CREATE TABLE emergency_call (
    mobilization_id UUID        NOT NULL REFERENCES emergency_mobilization (id),
    volunteer_id    UUID        NOT NULL REFERENCES volunteer (id),
    account_id      UUID        NOT NULL,
    status          VARCHAR(16) NOT NULL,
    called_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    answer_number   BIGINT,
    mustered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT emergency_call_pk PRIMARY KEY (mobilization_id, volunteer_id)
);

CREATE INDEX emergency_call_volunteer_ix ON emergency_call (volunteer_id, status);
CREATE INDEX emergency_call_status_ix ON emergency_call (mobilization_id, status, answer_number);
