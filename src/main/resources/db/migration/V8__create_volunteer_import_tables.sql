-- Bulk import of volunteers into an organization from a spreadsheet: the upload, its
-- progress, and the outcome of every row.
CREATE TABLE volunteer_import (
    id              UUID         NOT NULL PRIMARY KEY,
    organization_id UUID         NOT NULL REFERENCES organization (id),
    requested_by    UUID         NOT NULL,
    file_name       VARCHAR(200) NOT NULL,
    file_bytes      BYTEA,
    status          VARCHAR(16)  NOT NULL,
    total_rows      INT          NOT NULL DEFAULT 0,
    processed_rows  INT          NOT NULL DEFAULT 0,
    created_count   INT          NOT NULL DEFAULT 0,
    linked_count    INT          NOT NULL DEFAULT 0,
    failed_count    INT          NOT NULL DEFAULT 0,
    failure         VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX volunteer_import_org_ix ON volunteer_import (organization_id, created_at);

CREATE TABLE volunteer_import_row (
    import_id    UUID          NOT NULL REFERENCES volunteer_import (id),
    row_number   INT           NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    volunteer_id UUID,
    problems     VARCHAR(4000),
    CONSTRAINT volunteer_import_row_pk PRIMARY KEY (import_id, row_number)
);
