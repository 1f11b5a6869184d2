-- Sign-in accounts and the roles granted to them. A grant's scope is a region code
-- (operators, auditors), an organization id (organization admins) or '' (volunteers).
CREATE TABLE account (
    id                  UUID         NOT NULL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    display_name        VARCHAR(100) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    failed_attempts     INT          NOT NULL DEFAULT 0,
    locked_until        TIMESTAMP WITH TIME ZONE,
    credentials_version INT          NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_username_uk UNIQUE (username)
);

CREATE TABLE account_grant (
    account_id UUID        NOT NULL REFERENCES account (id),
    role       VARCHAR(16) NOT NULL,
    scope      VARCHAR(64) NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by UUID,
    CONSTRAINT account_grant_pk PRIMARY KEY (account_id, role, scope)
);

CREATE INDEX account_grant_scope_ix ON account_grant (role, scope);
