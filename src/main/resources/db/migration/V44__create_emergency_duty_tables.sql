-- Emergency duty rosters (应急值守): who of an emergency team is on duty on a day and
-- shift (DAY 08:00-20:00, NIGHT 20:00-08:00 the next morning, Beijing time), and the
-- swaps members ask for, which the other member agrees to and the team's leader approves.

-- One volunteer on duty in a shift. A volunteer is on duty once in a shift, whichever
-- team put them there: the primary key guards it however many assign at once.
CREATE TABLE emergency_duty (
    volunteer_id    UUID        NOT NULL REFERENCES volunteer (id),
    duty_day        DATE        NOT NULL,
    shift           VARCHAR(8)  NOT NULL,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    assigned_by     UUID        NOT NULL,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT emergency_duty_pk PRIMARY KEY (volunteer_id, duty_day, shift)
);

CREATE INDEX emergency_duty_team_ix ON emergency_duty (organization_id, duty_day, shift);
CREATE INDEX emergency_duty_day_ix ON emergency_duty (duty_day, shift);

-- A member on duty asks to swap their shift with another member: for one of the other's
-- shifts (partner_day and partner_shift), or the other takes it over when those are
-- empty. ASKED, then AGREED by the other member, then APPROVED (or DECLINED).
CREATE TABLE emergency_duty_swap (
    id              UUID        NOT NULL PRIMARY KEY,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    requester_id    UUID        NOT NULL REFERENCES volunteer (id),
    duty_day        DATE        NOT NULL,
    shift           VARCHAR(8)  NOT NULL,
    partner_id      UUID        NOT NULL REFERENCES volunteer (id),
    partner_day     DATE,
    partner_shift   VARCHAR(8),
    status          VARCHAR(16) NOT NULL,
    requested_by    UUID        NOT NULL,
    idempotency_key VARCHAR(100),
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    agreed_at       TIMESTAMP WITH TIME ZONE,
    decided_by      UUID,
    decided_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT emergency_duty_swap_key_uk UNIQUE (requested_by, idempotency_key)
);

CREATE INDEX emergency_duty_swap_team_ix ON emergency_duty_swap (organization_id, status);
CREATE INDEX emergency_duty_swap_requester_ix ON emergency_duty_swap (requester_id, status);
CREATE INDEX emergency_duty_swap_partner_ix ON emergency_duty_swap (partner_id, status);
