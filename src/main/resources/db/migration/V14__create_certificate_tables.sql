-- A dissolved or merged organization names the body that certifies its records from then on
-- (its successor); without one, its parent organization does.
ALTER TABLE organization ADD COLUMN successor_id UUID REFERENCES organization (id);

-- The seal image an organization uploads for the certificates it issues or that its
-- volunteers ask to carry it.
CREATE TABLE organization_seal (
    organization_id UUID         NOT NULL PRIMARY KEY REFERENCES organization (id),
    image           BYTEA        NOT NULL,
    content_type    VARCHAR(40)  NOT NULL,
    uploaded_by     UUID         NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The registry of issued service record certificates (志愿服务记录证明). The PDF is kept
-- exactly as issued, so that a download is always the signed original and an uploaded copy
-- can be compared byte for byte (pdf_hash); content_hash covers the certified facts.
CREATE TABLE certificate (
    id                     UUID          NOT NULL PRIMARY KEY,
    number                 VARCHAR(24)   NOT NULL,
    volunteer_id           UUID          NOT NULL REFERENCES volunteer (id),
    issuer_kind            VARCHAR(16)   NOT NULL,
    organization_id        UUID REFERENCES organization (id),
    issuer_name            VARCHAR(200)  NOT NULL,
    issued_by              UUID          NOT NULL,
    period_from            DATE          NOT NULL,
    period_to              DATE          NOT NULL,
    language               VARCHAR(8)    NOT NULL,
    with_seal              BOOLEAN       NOT NULL,
    record_count           INT           NOT NULL,
    total_hours            NUMERIC(10, 2) NOT NULL,
    volunteer_name_masked  VARCHAR(60)   NOT NULL,
    content_hash           CHAR(64)      NOT NULL,
    pdf_hash               CHAR(64)      NOT NULL,
    pdf                    BYTEA         NOT NULL,
    issued_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key        VARCHAR(100),
    revoked_at             TIMESTAMP WITH TIME ZONE,
    revoked_by             UUID,
    revocation_reason      VARCHAR(500),
    CONSTRAINT certificate_number_uk UNIQUE (number),
    CONSTRAINT certificate_idempotency_uk UNIQUE (issued_by, idempotency_key),
    CONSTRAINT certificate_period_ck CHECK (period_from <= period_to)
);

CREATE INDEX certificate_volunteer_ix ON certificate (volunteer_id, issued_at);
CREATE INDEX certificate_organization_ix ON certificate (organization_id, issued_at);
CREATE INDEX certificate_pdf_hash_ix ON certificate (pdf_hash);

-- Which records a certificate certifies, with the hours it showed for each.
CREATE TABLE certificate_record (
    certificate_id UUID          NOT NULL REFERENCES certificate (id),
    record_id      UUID          NOT NULL REFERENCES service_record (id),
    hours          NUMERIC(8, 2) NOT NULL,
    CONSTRAINT certificate_record_pk PRIMARY KEY (certificate_id, record_id)
);

-- The platform's document-signing key and its certificate, generated once when none is
-- configured, so that every instance signs with the same key. The private key is sealed
-- with the platform's data key.
CREATE TABLE signing_key (
    name         VARCHAR(64)   NOT NULL PRIMARY KEY,
    private_key  VARCHAR(8000) NOT NULL,
    certificate  VARCHAR(8000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
