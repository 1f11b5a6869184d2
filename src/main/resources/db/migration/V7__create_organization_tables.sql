-- Volunteer service organizations and teams, their members and their supervision history.
CREATE TABLE organization (
    id                   UUID         NOT NULL PRIMARY KEY,
    name                 VARCHAR(100) NOT NULL,
    org_type             VARCHAR(30)  NOT NULL,
    credit_code          VARCHAR(18),
    region_code          VARCHAR(12)  NOT NULL,
    parent_id            UUID REFERENCES organization (id),
    status               VARCHAR(16)  NOT NULL,
    contact_name         VARCHAR(50),
    contact_phone        VARCHAR(20),
    description          VARCHAR(2000),
    applicant_account_id UUID         NOT NULL REFERENCES account (id),
    applied_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT organization_credit_code_uk UNIQUE (credit_code)
);

CREATE INDEX organization_region_ix ON organization (region_code, status);
CREATE INDEX organization_parent_ix ON organization (parent_id);

CREATE TABLE organization_field (
    organization_id UUID        NOT NULL REFERENCES organization (id),
    field           VARCHAR(40) NOT NULL,
    CONSTRAINT organization_field_pk PRIMARY KEY (organization_id, field)
);

-- A volunteer's place in an organization: a join request (PENDING), a member (ACTIVE),
-- or a former member (LEFT, REJECTED). One row per pair; history is in organization_event.
CREATE TABLE organization_member (
    organization_id UUID        NOT NULL REFERENCES organization (id),
    volunteer_id    UUID        NOT NULL REFERENCES volunteer (id),
    member_role     VARCHAR(16) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    joined_at       TIMESTAMP WITH TIME ZONE,
    left_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT organization_member_pk PRIMARY KEY (organization_id, volunteer_id)
);

CREATE INDEX organization_member_volunteer_ix ON organization_member (volunteer_id, status);

-- Review and supervision (动态管理和退出机制): every change of status with its reason.
CREATE TABLE organization_event (
    id              UUID         NOT NULL PRIMARY KEY,
    organization_id UUID         NOT NULL REFERENCES organization (id),
    kind            VARCHAR(20)  NOT NULL,
    reason          VARCHAR(500),
    actor_id        UUID,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX organization_event_org_ix ON organization_event (organization_id, occurred_at);
