-- Stories (志愿故事, C19): articles by an organization's admins (for the organization) or
-- by operators (for their region), published once an operator of the story's region
-- approves them. status: DRAFT, SUBMITTED, PUBLISHED, RETURNED (with review_note) or
-- TAKEN_DOWN (with review_note). organization_id is null for an operator's story, whose
-- author alone edits it. project_id is the linked project, or the linked activity's.
CREATE TABLE story (
    id              UUID          NOT NULL PRIMARY KEY,
    organization_id UUID,
    region_code     VARCHAR(12)   NOT NULL,
    title           VARCHAR(60)   NOT NULL,
    summary         VARCHAR(120)  NOT NULL,
    body            VARCHAR(5000) NOT NULL,
    activity_id     UUID,
    project_id      UUID,
    status          VARCHAR(16)   NOT NULL,
    author_id       UUID          NOT NULL,
    review_note     VARCHAR(500),
    reviewed_by     UUID,
    reviewed_at     TIMESTAMP WITH TIME ZONE,
    submitted_at    TIMESTAMP WITH TIME ZONE,
    published_at    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key VARCHAR(100),
    CONSTRAINT story_key_uq UNIQUE (author_id, idempotency_key)
);

CREATE INDEX story_status_region_ix ON story (status, region_code, published_at);
CREATE INDEX story_organization_ix ON story (organization_id);
CREATE INDEX story_project_ix ON story (project_id, status);

-- A story's images (at most six), in the order added; each is checked to be a JPEG, PNG
-- or WebP of at most 2 MB, and never changes once stored (served with a long cache).
CREATE TABLE story_image (
    id           UUID        NOT NULL PRIMARY KEY,
    story_id     UUID        NOT NULL REFERENCES story (id),
    position     INTEGER     NOT NULL,
    content_type VARCHAR(20) NOT NULL,
    image        BYTEA       NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX story_image_story_ix ON story_image (story_id, position);
