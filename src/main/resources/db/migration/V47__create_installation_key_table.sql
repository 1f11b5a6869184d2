-- The installation's signing keys (EC P-256, ES256): the newest signs what the installation
-- issues (transfer packages); all of them are published at /.well-known/jwks.json so that
-- what an older key signed still verifies after a rotation. generation numbers the keys,
-- and its uniqueness lets one instance only create the first key or a rotation's next.
-- The private key is sealed at rest like personal data.
CREATE TABLE installation_key (
    kid            VARCHAR(64)   NOT NULL PRIMARY KEY,
    generation     INT           NOT NULL,
    public_jwk     VARCHAR(1000) NOT NULL,
    private_sealed VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID,
    retired_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT installation_key_generation_uk UNIQUE (generation)
);
