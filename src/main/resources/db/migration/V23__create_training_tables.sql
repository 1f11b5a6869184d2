-- The platform's list of qualification codes: what a position may require and a course
-- may grant. A volunteer's qualification meets a code when its name is the code's name
-- (or the code itself). Courses add their own codes.
CREATE TABLE qualification_code (
    code        VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    name_en     VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT qualification_code_name_uk UNIQUE (name)
);

INSERT INTO qualification_code (code, name, name_en, created_at) VALUES
    ('FIRST_AID', '急救证书', 'First aid certificate', CURRENT_TIMESTAMP),
    ('AED', 'AED 使用培训合格', 'AED operation', CURRENT_TIMESTAMP),
    ('LIFEGUARD', '救生员证', 'Lifeguard certificate', CURRENT_TIMESTAMP),
    ('FIRE_SAFETY', '消防安全培训合格', 'Fire safety training', CURRENT_TIMESTAMP),
    ('ELDER_CARE', '养老护理员证', 'Elderly care worker certificate', CURRENT_TIMESTAMP),
    ('SIGN_LANGUAGE', '手语翻译培训合格', 'Sign language interpreting', CURRENT_TIMESTAMP),
    ('PSYCH_SUPPORT', '心理援助培训合格', 'Psychological support training', CURRENT_TIMESTAMP);

-- Teachers, kept per owner (an organization, or a region's operators) and picked again.
CREATE TABLE training_teacher (
    id              UUID         NOT NULL PRIMARY KEY,
    organization_id UUID,
    region_code     VARCHAR(12)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX training_teacher_owner_ix ON training_teacher (region_code, organization_id);

-- A course of the library, owned by an organization or (organization_id empty) by the
-- operators of its region; a pass grants its qualification for valid_months.
CREATE TABLE course (
    id                 UUID          NOT NULL PRIMARY KEY,
    organization_id    UUID,
    region_code        VARCHAR(12)   NOT NULL,
    title              VARCHAR(100)  NOT NULL,
    description        VARCHAR(2000),
    hours              NUMERIC(6, 2) NOT NULL,
    qualification_code VARCHAR(40)   REFERENCES qualification_code (code),
    valid_months       INTEGER,
    created_by         UUID          NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX course_region_ix ON course (region_code);
CREATE INDEX course_qualification_ix ON course (qualification_code);

CREATE TABLE course_teacher (
    course_id  UUID NOT NULL REFERENCES course (id),
    teacher_id UUID NOT NULL REFERENCES training_teacher (id),
    PRIMARY KEY (course_id, teacher_id)
);

-- A session of a course: when, where, how many places; enrolled counts the places taken
-- and is only raised by a conditional update, so it never passes capacity.
CREATE TABLE course_session (
    id          UUID         NOT NULL PRIMARY KEY,
    course_id   UUID         NOT NULL REFERENCES course (id),
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    region_code VARCHAR(12)  NOT NULL,
    address     VARCHAR(200) NOT NULL,
    capacity    INTEGER      NOT NULL,
    enrolled    INTEGER      DEFAULT 0 NOT NULL,
    teacher_id  UUID         REFERENCES training_teacher (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT course_session_places_ck CHECK (enrolled >= 0 AND enrolled <= capacity)
);

CREATE INDEX course_session_course_ix ON course_session (course_id, starts_at);

CREATE TABLE course_enrolment (
    id            UUID NOT NULL PRIMARY KEY,
    session_id    UUID NOT NULL REFERENCES course_session (id),
    volunteer_id  UUID NOT NULL REFERENCES volunteer (id),
    enrolled_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_in_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT course_enrolment_uk UNIQUE (session_id, volunteer_id)
);

CREATE INDEX course_enrolment_volunteer_ix ON course_enrolment (volunteer_id);

-- Pass or fail, once per volunteer and session.
CREATE TABLE training_result (
    id           UUID    NOT NULL PRIMARY KEY,
    session_id   UUID    NOT NULL REFERENCES course_session (id),
    volunteer_id UUID    NOT NULL REFERENCES volunteer (id),
    passed       BOOLEAN NOT NULL,
    entered_by   UUID    NOT NULL,
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT training_result_uk UNIQUE (session_id, volunteer_id)
);

-- A volunteer's training record, written by a pass: shown with their records and in the
-- certificate's training section, never counted as service hours.
CREATE TABLE training_record (
    id                 UUID          NOT NULL PRIMARY KEY,
    volunteer_id       UUID          NOT NULL REFERENCES volunteer (id),
    course_id          UUID          NOT NULL REFERENCES course (id),
    session_id         UUID          NOT NULL REFERENCES course_session (id),
    title              VARCHAR(100)  NOT NULL,
    hours              NUMERIC(6, 2) NOT NULL,
    completed_on       DATE          NOT NULL,
    qualification_code VARCHAR(40),
    valid_until        DATE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT training_record_uk UNIQUE (session_id, volunteer_id)
);

CREATE INDEX training_record_volunteer_ix ON training_record (volunteer_id, completed_on);
