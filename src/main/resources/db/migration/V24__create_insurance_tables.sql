-- Accident insurance (意外保险) that organizations take out for their volunteers: the
-- policies, each covering whole days (China time) from starts_on to ends_on, and who each
-- insures. A high-risk activity needs them (志愿服务条例 第十七条).
CREATE TABLE insurance_policy (
    id              UUID         NOT NULL PRIMARY KEY,
    organization_id UUID         NOT NULL REFERENCES organization (id),
    insurer         VARCHAR(100) NOT NULL,
    policy_number   VARCHAR(64)  NOT NULL,
    starts_on       DATE         NOT NULL,
    ends_on         DATE         NOT NULL,
    coverage        VARCHAR(500) NOT NULL,
    created_by      UUID         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT insurance_policy_number_uk UNIQUE (organization_id, policy_number),
    CONSTRAINT insurance_policy_period_ck CHECK (ends_on >= starts_on)
);

CREATE INDEX insurance_policy_org_ix ON insurance_policy (organization_id, ends_on);
CREATE INDEX insurance_policy_ends_ix ON insurance_policy (ends_on);

-- A volunteer insured under a policy: once per pair, however often they are added.
CREATE TABLE insured_volunteer (
    policy_id    UUID NOT NULL REFERENCES insurance_policy (id),
    volunteer_id UUID NOT NULL REFERENCES volunteer (id),
    added_by     UUID NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT insured_volunteer_pk PRIMARY KEY (policy_id, volunteer_id)
);

CREATE INDEX insured_volunteer_volunteer_ix ON insured_volunteer (volunteer_id);
