-- Registered volunteers. The ID number is stored only sealed (authenticated encryption),
-- with a keyed fingerprint for uniqueness and a masked form for display.
CREATE TABLE volunteer (
    id                      UUID         NOT NULL PRIMARY KEY,
    account_id              UUID         NOT NULL REFERENCES account (id),
    volunteer_number        VARCHAR(20)  NOT NULL,
    name                    VARCHAR(50)  NOT NULL,
    id_type                 VARCHAR(40)  NOT NULL,
    id_number_sealed        VARCHAR(300),
    id_number_fingerprint   CHAR(64),
    id_number_masked        VARCHAR(32)  NOT NULL,
    gender                  VARCHAR(8),
    birth_date              DATE,
    phone                   VARCHAR(20),
    region_code             VARCHAR(12)  NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    privacy_policy_version  VARCHAR(20)  NOT NULL,
    privacy_consented_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    oath_version            VARCHAR(20)  NOT NULL,
    oath_accepted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    emergency_contact_name  VARCHAR(50),
    emergency_contact_phone VARCHAR(20),
    total_hours             NUMERIC(12, 2) NOT NULL DEFAULT 0,
    star_level              INT          NOT NULL DEFAULT 0,
    registered_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    deregistered_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT volunteer_number_uk UNIQUE (volunteer_number),
    CONSTRAINT volunteer_account_uk UNIQUE (account_id),
    CONSTRAINT volunteer_id_number_uk UNIQUE (id_number_fingerprint),
    CONSTRAINT volunteer_phone_uk UNIQUE (phone)
);

CREATE INDEX volunteer_region_ix ON volunteer (region_code);

-- Consent of the guardian of a volunteer under 18.
CREATE TABLE volunteer_guardian (
    volunteer_id          UUID         NOT NULL PRIMARY KEY REFERENCES volunteer (id),
    name                  VARCHAR(50)  NOT NULL,
    phone                 VARCHAR(20)  NOT NULL,
    id_number_sealed      VARCHAR(300) NOT NULL,
    id_number_masked      VARCHAR(32)  NOT NULL,
    consented_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Profile attributes that come as lists: categories, professional fields, skills,
-- languages and weekly availability slots.
CREATE TABLE volunteer_attribute (
    volunteer_id UUID        NOT NULL REFERENCES volunteer (id),
    kind         VARCHAR(20) NOT NULL,
    attribute    VARCHAR(60) NOT NULL,
    CONSTRAINT volunteer_attribute_pk PRIMARY KEY (volunteer_id, kind, attribute)
);

CREATE TABLE volunteer_qualification (
    id           UUID         NOT NULL PRIMARY KEY,
    volunteer_id UUID         NOT NULL REFERENCES volunteer (id),
    name         VARCHAR(100) NOT NULL,
    issuer       VARCHAR(100),
    expires_on   DATE,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX volunteer_qualification_volunteer_ix ON volunteer_qualification (volunteer_id);

-- 在职党员到社区报到: the community a party member has reported to.
CREATE TABLE party_report_in (
    id              UUID         NOT NULL PRIMARY KEY,
    volunteer_id    UUID         NOT NULL REFERENCES volunteer (id),
    region_code     VARCHAR(12)  NOT NULL,
    community_name  VARCHAR(100) NOT NULL,
    reported_on     DATE         NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX party_report_in_volunteer_ix ON party_report_in (volunteer_id);
