-- Other systems registered by an operator to call the API with OAuth 2.0 client
-- credentials (POST /oauth2/token). Each client acts through a backing account whose
-- grants follow its region and scopes, so that audit rows and region checks work as for
-- people. Only the secret's hash is kept; secret_version counts rotations and is carried
-- in each token, so that a rotation refuses the tokens issued under the old secret.
-- idempotency_key is the registering operator's Idempotency-Key.
CREATE TABLE api_client (
    id                UUID          NOT NULL PRIMARY KEY,
    client_id         VARCHAR(64)   NOT NULL,
    name              VARCHAR(100)  NOT NULL,
    scopes            VARCHAR(500)  NOT NULL,
    region_code       VARCHAR(12)   NOT NULL,
    account_id        UUID          NOT NULL REFERENCES account (id),
    secret_hash       VARCHAR(200)  NOT NULL,
    secret_version    INT           NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    created_by        UUID          NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    secret_rotated_at TIMESTAMP WITH TIME ZONE,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revoked_by        UUID,
    last_used_at      TIMESTAMP WITH TIME ZONE,
    idempotency_key   VARCHAR(100),
    CONSTRAINT api_client_client_id_uk UNIQUE (client_id),
    CONSTRAINT api_client_key_uk UNIQUE (created_by, idempotency_key)
);

CREATE INDEX api_client_region_ix ON api_client (region_code, created_at);
