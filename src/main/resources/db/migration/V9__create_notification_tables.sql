-- In-app notifications. The text is stored as a message key with arguments and rendered in
-- the reader's language when shown; arguments never hold ID numbers or phone numbers.
-- A dedupe key (e.g. one reminder per activity) is stored at most once per account.
CREATE TABLE notification (
    id           UUID          NOT NULL PRIMARY KEY,
    account_id   UUID          NOT NULL REFERENCES account (id),
    kind         VARCHAR(40)   NOT NULL,
    message_key  VARCHAR(100)  NOT NULL,
    message_args VARCHAR(1000) NOT NULL,
    link         VARCHAR(300),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE,
    dedupe_key   VARCHAR(200)
);

CREATE UNIQUE INDEX notification_dedupe_uk ON notification (account_id, dedupe_key);
CREATE INDEX notification_account_ix ON notification (account_id, read_at, created_at);
