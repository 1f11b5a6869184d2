-- Service stations (新时代文明实践中心、所、站 and 志愿服务站点): where a station is, when it
-- opens, who runs it, and the standard checklist (有场所、有队伍、有项目、有设施、有制度、有标识).
-- A station is closed and reopened, never deleted.
CREATE TABLE station (
    id               UUID             NOT NULL PRIMARY KEY,
    name             VARCHAR(100)     NOT NULL,
    kind             VARCHAR(30)      NOT NULL,
    region_code      VARCHAR(12)      NOT NULL,
    address          VARCHAR(200)     NOT NULL,
    lat              DOUBLE PRECISION NOT NULL,
    lng              DOUBLE PRECISION NOT NULL,
    opening_hours    VARCHAR(200)     NOT NULL,
    organization_id  UUID             REFERENCES organization (id),
    has_venue        BOOLEAN          NOT NULL,
    has_team         BOOLEAN          NOT NULL,
    has_projects     BOOLEAN          NOT NULL,
    has_facilities   BOOLEAN          NOT NULL,
    has_rules        BOOLEAN          NOT NULL,
    has_signage      BOOLEAN          NOT NULL,
    status           VARCHAR(10)      NOT NULL,
    closed_reason    VARCHAR(500),
    created_by       UUID             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key  VARCHAR(100),
    CONSTRAINT station_idempotency_uk UNIQUE (created_by, idempotency_key),
    CONSTRAINT station_point_ck CHECK (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180)
);

CREATE INDEX station_region_ix ON station (region_code);
CREATE INDEX station_point_ix ON station (lat, lng);
CREATE INDEX station_organization_ix ON station (organization_id);
