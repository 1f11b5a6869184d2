-- Installations whose transfer packages this one trusts (peers), registered by a national or
-- province operator with their public keys (a JSON Web Key Set of EC P-256 keys). base_url
-- is normalized (scheme and host in lower case, no trailing slash) and is what a package's
-- issuer (iss) must equal. A removed peer is kept, revoked, for the provenance of the records
-- it signed; registering its address again revives it.
CREATE TABLE interop_peer (
    id          UUID          NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    base_url    VARCHAR(300)  NOT NULL,
    jwks        VARCHAR(20000) NOT NULL,
    region_code VARCHAR(12)   NOT NULL,
    created_by  UUID          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT interop_peer_base_url_uk UNIQUE (base_url)
);

-- The local organization and activity that stand for a peer in one region (the region of
-- the volunteers who bring its records), made at the first import: every service record
-- has an activity and an organization, and these are closed and never public.
CREATE TABLE interop_peer_home (
    peer_id         UUID        NOT NULL REFERENCES interop_peer (id),
    region_code     VARCHAR(12) NOT NULL,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    activity_id     UUID        NOT NULL REFERENCES activity (id),
    CONSTRAINT interop_peer_home_pk PRIMARY KEY (peer_id, region_code)
);

-- The provenance of a record brought from a peer: the issuer, the record's id there, when
-- the package was signed, the recording organization and activity there. One original
-- record is imported once per volunteer: a repeat is counted as already present.
CREATE TABLE transferred_record (
    record_id             UUID          NOT NULL PRIMARY KEY REFERENCES service_record (id),
    volunteer_id          UUID          NOT NULL REFERENCES volunteer (id),
    peer_id               UUID          NOT NULL REFERENCES interop_peer (id),
    issuer                VARCHAR(300)  NOT NULL,
    original_id           VARCHAR(100)  NOT NULL,
    original_organization VARCHAR(200)  NOT NULL,
    original_organization_id VARCHAR(100),
    original_activity     VARCHAR(200)  NOT NULL,
    package_id            VARCHAR(100)  NOT NULL,
    signed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT transferred_record_original_uk UNIQUE (volunteer_id, issuer, original_id)
);

CREATE INDEX transferred_record_peer_ix ON transferred_record (peer_id);
