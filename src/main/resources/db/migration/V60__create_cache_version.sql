-- One row per kind of settings that application instances keep in memory (star
-- thresholds, point rules, webhook subscriptions): every change of such settings adds one
-- to its row's version in the same transaction, and every instance reads the versions once
-- a second and drops what it kept under an older one. Several instances sharing one
-- database so see each other's changes within about a second, their own at once.
CREATE TABLE cache_version (
    name    VARCHAR(40) NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL
);

INSERT INTO cache_version (name, version) VALUES ('star-thresholds', 0);
INSERT INTO cache_version (name, version) VALUES ('point-rules', 0);
INSERT INTO cache_version (name, version) VALUES ('webhook-subscriptions', 0);
