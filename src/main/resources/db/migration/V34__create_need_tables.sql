-- Residents (服务对象) and their needs (C12): who asks, the service menus (菜单式服务) of
-- organizations, and each need from ordering (点单) through dispatch (派单), acceptance
-- (接单) and completion to the resident's rating (评单).

-- A resident: with an account when they registered themselves (their phone is the
-- username), without one when an operator entered a need on their behalf.
CREATE TABLE resident (
    id          UUID         NOT NULL PRIMARY KEY,
    account_id  UUID         REFERENCES account (id),
    name        VARCHAR(50)  NOT NULL,
    phone       VARCHAR(20),
    region_code VARCHAR(12)  NOT NULL,
    created_by  UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT resident_account_uk UNIQUE (account_id),
    CONSTRAINT resident_phone_uk UNIQUE (phone)
);

CREATE INDEX resident_region_ix ON resident (region_code);

-- A service an organization offers on its menu, in the regions it names.
CREATE TABLE menu_item (
    id              UUID          NOT NULL PRIMARY KEY,
    organization_id UUID          NOT NULL REFERENCES organization (id),
    title           VARCHAR(100)  NOT NULL,
    field           VARCHAR(40)   NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_by      UUID          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX menu_item_org_ix ON menu_item (organization_id, created_at);

-- region_prefix is the code without its trailing zeros: a resident of region r sees the
-- item when r starts with it.
CREATE TABLE menu_item_region (
    menu_item_id  UUID        NOT NULL REFERENCES menu_item (id),
    region_code   VARCHAR(12) NOT NULL,
    region_prefix VARCHAR(12) NOT NULL,
    CONSTRAINT menu_item_region_pk PRIMARY KEY (menu_item_id, region_code)
);

CREATE INDEX menu_item_region_prefix_ix ON menu_item_region (region_prefix);

-- A need. The address is sealed (it is where a vulnerable person lives); overdue names
-- the step that is late (DISPATCH, ACCEPTANCE, COMPLETION) until the need moves on.
CREATE TABLE need (
    id              UUID          NOT NULL PRIMARY KEY,
    resident_id     UUID          NOT NULL REFERENCES resident (id),
    menu_item_id    UUID          REFERENCES menu_item (id),
    title           VARCHAR(100)  NOT NULL,
    description     VARCHAR(1000),
    field           VARCHAR(40)   NOT NULL,
    region_code     VARCHAR(12)   NOT NULL,
    address_sealed  VARCHAR(2000) NOT NULL,
    lat             DOUBLE PRECISION,
    lng             DOUBLE PRECISION,
    wanted_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    wanted_to       TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    organization_id UUID          REFERENCES organization (id),
    submitted_by    UUID          NOT NULL,
    idempotency_key VARCHAR(100),
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    dispatched_at   TIMESTAMP WITH TIME ZONE,
    accepted_at     TIMESTAMP WITH TIME ZONE,
    started_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    done_at         TIMESTAMP WITH TIME ZONE,
    completed_by    UUID,
    completion_key  VARCHAR(100),
    activity_id     UUID          REFERENCES activity (id),
    rated_at        TIMESTAMP WITH TIME ZONE,
    stars           INTEGER,
    rating_comment  VARCHAR(500),
    overdue         VARCHAR(16),
    overdue_since   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT need_idempotency_uk UNIQUE (submitted_by, idempotency_key),
    CONSTRAINT need_stars_ck CHECK (stars IS NULL OR (stars >= 1 AND stars <= 5))
);

CREATE INDEX need_region_ix ON need (region_code, status);
CREATE INDEX need_org_ix ON need (organization_id, status);
CREATE INDEX need_resident_ix ON need (resident_id, submitted_at);

-- The volunteers who accepted a need, and the service record each got on completion.
CREATE TABLE need_volunteer (
    need_id      UUID NOT NULL REFERENCES need (id),
    volunteer_id UUID NOT NULL REFERENCES volunteer (id),
    assigned_by  UUID NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    record_id    UUID,
    CONSTRAINT need_volunteer_pk PRIMARY KEY (need_id, volunteer_id)
);

CREATE INDEX need_volunteer_volunteer_ix ON need_volunteer (volunteer_id);

-- Each step of a need, for its timeline: who took it, towards which organization.
CREATE TABLE need_event (
    id              UUID         NOT NULL PRIMARY KEY,
    need_id         UUID         NOT NULL REFERENCES need (id),
    kind            VARCHAR(24)  NOT NULL,
    actor_id        UUID,
    organization_id UUID,
    detail          VARCHAR(500),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX need_event_need_ix ON need_event (need_id, occurred_at);
