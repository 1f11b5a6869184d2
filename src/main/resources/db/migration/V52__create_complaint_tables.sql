-- Complaints and reports (投诉举报) about an organization, an activity or a volunteer, handled
-- by the operators of the subject's region (resolved by the platform from the subject, never
-- given by the complainant) within a deadline. subject_name is the organization's name, the
-- activity's title or the volunteer's masked name, as they were when the complaint was filed.
-- The complainant is shown to the complainant and the region's operators and auditors only.
-- overdue_notified_at marks a complaint whose operators were told once that it is overdue.
CREATE TABLE complaint (
    id                  UUID          NOT NULL PRIMARY KEY,
    subject_type        VARCHAR(20)   NOT NULL,
    subject_id          UUID          NOT NULL,
    subject_name        VARCHAR(200)  NOT NULL,
    subject_account_id  UUID,
    region_code         VARCHAR(12)   NOT NULL,
    category            VARCHAR(30)   NOT NULL,
    description         VARCHAR(2000) NOT NULL,
    contact_phone       VARCHAR(20),
    complainant_id      UUID          NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    assignee_id         UUID,
    outcome             VARCHAR(20),
    resolution_note     VARCHAR(500),
    filed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline            TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    overdue_notified_at TIMESTAMP WITH TIME ZONE,
    idempotency_key     VARCHAR(100),
    CONSTRAINT complaint_key_uk UNIQUE (complainant_id, idempotency_key)
);

CREATE INDEX complaint_region_idx ON complaint (region_code, status);
CREATE INDEX complaint_complainant_idx ON complaint (complainant_id);
CREATE INDEX complaint_subject_idx ON complaint (subject_id, outcome);

-- Each step of a complaint, which the complainant follows: filed, assigned, investigating,
-- resolved (with the outcome and the operator's note).
CREATE TABLE complaint_event (
    id           UUID         NOT NULL PRIMARY KEY,
    complaint_id UUID         NOT NULL REFERENCES complaint (id),
    status       VARCHAR(20)  NOT NULL,
    note         VARCHAR(500),
    actor_id     UUID,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX complaint_event_complaint_idx ON complaint_event (complaint_id, occurred_at);
