-- Where a volunteer would like recommendations measured from (a point they pick on the map
-- near home), used for their own recommendations only and never shown to anyone else. The
-- point is personal data: sealed at rest like ID numbers ("zk1:<key>:<payload>").
CREATE TABLE recommendation_home (
    volunteer_id     UUID         NOT NULL PRIMARY KEY REFERENCES volunteer (id),
    location_sealed  VARCHAR(400) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
