-- Secrets that every instance must share (e.g. the API token signing key) when none is configured.
CREATE TABLE platform_secret (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
