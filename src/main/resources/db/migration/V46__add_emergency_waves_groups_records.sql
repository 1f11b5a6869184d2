-- Emergency mobilization, second part: calls in waves (the nearest first, wider until the
-- needs are met), needs that ask for insurance, the commanding organization under which
-- service is recorded at stand-down, and task groups with a leader.

-- wave: how many waves have called; next_wave_at: when the next wave calls unless the needs
-- are met by then (NULL once stood down). plan_id: the plan (预案) it was launched from.
-- organization_id: the emergency team in command, under which the service of volunteers who
-- belong to no emergency team of the region is recorded at stand-down; recorded: how many
-- volunteers' service was recorded then.
ALTER TABLE emergency_mobilization ADD COLUMN wave INT DEFAULT 1 NOT NULL;
ALTER TABLE emergency_mobilization ADD COLUMN next_wave_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE emergency_mobilization ADD COLUMN organization_id UUID REFERENCES organization (id);
ALTER TABLE emergency_mobilization ADD COLUMN plan_id UUID;
ALTER TABLE emergency_mobilization ADD COLUMN recorded INT DEFAULT 0 NOT NULL;

CREATE INDEX emergency_mobilization_wave_ix ON emergency_mobilization (status, next_wave_at);

-- A need that calls only volunteers insured on the day.
ALTER TABLE emergency_need ADD COLUMN insured BOOLEAN DEFAULT FALSE NOT NULL;

-- The wave that called the volunteer, how far their home lies from the scene, where they
-- mustered (when their phone said), the task group they were put in, and the hours of
-- service recorded at stand-down.
ALTER TABLE emergency_call ADD COLUMN wave INT DEFAULT 1 NOT NULL;
ALTER TABLE emergency_call ADD COLUMN distance_m INT;
ALTER TABLE emergency_call ADD COLUMN group_id UUID;
ALTER TABLE emergency_call ADD COLUMN muster_lat DOUBLE PRECISION;
ALTER TABLE emergency_call ADD COLUMN muster_lng DOUBLE PRECISION;
ALTER TABLE emergency_call ADD COLUMN recorded_hours NUMERIC(7, 2);

-- A task group of a mobilization: a name, its task and a leader among the accepted.
CREATE TABLE emergency_group (
    id              UUID         NOT NULL PRIMARY KEY,
    mobilization_id UUID         NOT NULL REFERENCES emergency_mobilization (id),
    name            VARCHAR(60)  NOT NULL,
    task            VARCHAR(500) NOT NULL,
    leader_id       UUID         NOT NULL REFERENCES volunteer (id),
    created_by      UUID         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT emergency_group_name_uk UNIQUE (mobilization_id, name)
);

CREATE INDEX emergency_call_group_ix ON emergency_call (mobilization_id, group_id);
