-- Who did what to which object, when and from where. Never holds personal data itself:
-- people are referred to by account id, objects by type and id.
CREATE TABLE audit_event (
    id              UUID         NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id        UUID,
    action          VARCHAR(64)  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    object_type     VARCHAR(32),
    object_id       VARCHAR(64),
    region_code     VARCHAR(12),
    organization_id UUID,
    client_ip       VARCHAR(45),
    detail          VARCHAR(500)
);

CREATE INDEX audit_event_time_ix ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_ix ON audit_event (actor_id, occurred_at);
CREATE INDEX audit_event_object_ix ON audit_event (object_type, object_id);
CREATE INDEX audit_event_region_ix ON audit_event (region_code, occurred_at);
