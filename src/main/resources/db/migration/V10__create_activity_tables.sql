-- The project library (项目库) and activities with their positions (岗位). A position's
-- accepted count is only ever changed by a conditional update, so capacity holds under any
-- concurrency.
CREATE TABLE project (
    id              UUID          NOT NULL PRIMARY KEY,
    organization_id UUID          NOT NULL REFERENCES organization (id),
    name            VARCHAR(100)  NOT NULL,
    field           VARCHAR(40)   NOT NULL,
    project_level   VARCHAR(16)   NOT NULL,
    brand           BOOLEAN       NOT NULL DEFAULT FALSE,
    region_code     VARCHAR(12)   NOT NULL,
    description     VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX project_org_ix ON project (organization_id);
CREATE INDEX project_region_ix ON project (region_code, field);

CREATE TABLE activity (
    id                   UUID          NOT NULL PRIMARY KEY,
    organization_id      UUID          NOT NULL REFERENCES organization (id),
    project_id           UUID REFERENCES project (id),
    title                VARCHAR(100)  NOT NULL,
    description          VARCHAR(4000) NOT NULL,
    field                VARCHAR(40)   NOT NULL,
    region_code          VARCHAR(12)   NOT NULL,
    address              VARCHAR(200)  NOT NULL,
    lat                  DOUBLE PRECISION,
    lng                  DOUBLE PRECISION,
    geofence_meters      INT           NOT NULL,
    starts_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    signup_deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    approval             VARCHAR(8)    NOT NULL,
    waitlist             BOOLEAN       NOT NULL DEFAULT TRUE,
    risk_level           VARCHAR(8)    NOT NULL,
    recruitment_mode     VARCHAR(16)   NOT NULL,
    time_bank_eligible   BOOLEAN       NOT NULL DEFAULT FALSE,
    risks_and_protections VARCHAR(2000),
    contact_name         VARCHAR(50),
    contact_phone        VARCHAR(20),
    status               VARCHAR(16)   NOT NULL,
    cancel_reason        VARCHAR(500),
    created_by           UUID          NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at         TIMESTAMP WITH TIME ZONE
);

CREATE INDEX activity_region_ix ON activity (status, region_code, starts_at);
CREATE INDEX activity_org_ix ON activity (organization_id, starts_at);
CREATE INDEX activity_geo_ix ON activity (lat, lng);

CREATE TABLE activity_position (
    id          UUID         NOT NULL PRIMARY KEY,
    activity_id UUID         NOT NULL REFERENCES activity (id),
    name        VARCHAR(60)  NOT NULL,
    capacity    INT          NOT NULL,
    accepted    INT          NOT NULL DEFAULT 0,
    min_age     INT,
    max_age     INT,
    sort_order  INT          NOT NULL,
    CONSTRAINT activity_position_capacity_ck CHECK (accepted >= 0 AND accepted <= capacity)
);

CREATE INDEX activity_position_activity_ix ON activity_position (activity_id);

CREATE TABLE activity_position_qualification (
    position_id   UUID         NOT NULL REFERENCES activity_position (id),
    qualification VARCHAR(100) NOT NULL,
    CONSTRAINT activity_position_qualification_pk PRIMARY KEY (position_id, qualification)
);
