-- Emergency plans (应急预案) per region and hazard: the people needed (skill, count,
-- optional qualification), the emergency teams to call first and the assembly points.
-- An operator launches a mobilization from a plan; emergency_plan_launch remembers which.

-- A plan: ACTIVE until archived. It claims its author's Idempotency-Key.
CREATE TABLE emergency_plan (
    id              UUID          NOT NULL PRIMARY KEY,
    region_code     VARCHAR(12)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    hazard          VARCHAR(20)   NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    radius_km       INT           NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_by      UUID          NOT NULL,
    idempotency_key VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT emergency_plan_key_uk UNIQUE (created_by, idempotency_key)
);

CREATE INDEX emergency_plan_region_ix ON emergency_plan (region_code, status);

-- What the plan needs, in order: people with a skill, optionally holding a qualification.
CREATE TABLE emergency_plan_need (
    plan_id       UUID        NOT NULL REFERENCES emergency_plan (id),
    ordinal       INT         NOT NULL,
    skill         VARCHAR(60) NOT NULL,
    head_count    INT         NOT NULL,
    qualification VARCHAR(20),
    CONSTRAINT emergency_plan_need_pk PRIMARY KEY (plan_id, ordinal)
);

-- The emergency teams the plan calls first, in the order picked.
CREATE TABLE emergency_plan_team (
    plan_id         UUID NOT NULL REFERENCES emergency_plan (id),
    organization_id UUID NOT NULL REFERENCES organization (id),
    ordinal         INT  NOT NULL,
    CONSTRAINT emergency_plan_team_pk PRIMARY KEY (plan_id, organization_id)
);

-- The plan's assembly points, the first the default.
CREATE TABLE emergency_plan_point (
    plan_id UUID             NOT NULL REFERENCES emergency_plan (id),
    ordinal INT              NOT NULL,
    name    VARCHAR(100)     NOT NULL,
    lat     DOUBLE PRECISION NOT NULL,
    lng     DOUBLE PRECISION NOT NULL,
    CONSTRAINT emergency_plan_point_pk PRIMARY KEY (plan_id, ordinal)
);

-- The mobilizations launched from a plan.
CREATE TABLE emergency_plan_launch (
    mobilization_id UUID NOT NULL PRIMARY KEY REFERENCES emergency_mobilization (id),
    plan_id         UUID NOT NULL REFERENCES emergency_plan (id),
    launched_by     UUID NOT NULL,
    launched_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX emergency_plan_launch_plan_ix ON emergency_plan_launch (plan_id, launched_at);
