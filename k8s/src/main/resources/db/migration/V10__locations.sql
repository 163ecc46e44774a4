-- stay_stats: a user's stays clustered into locations (trackintel generate_locations, DBSCAN), with visits, dwell
-- and the FREQ role (home: most time, work: second), recomputed per user as a whole.
CREATE TABLE locations (
    user_id        text             NOT NULL,
    -- Numbered per user by first visit.
    location_id    integer          NOT NULL,
    lat            double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon            double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    visits         integer          NOT NULL CHECK (visits >= 1),
    dwell_seconds  double precision NOT NULL CHECK (dwell_seconds >= 0),
    first_visit_at timestamptz      NOT NULL,
    last_visit_at  timestamptz      NOT NULL,
    role           text             NOT NULL CHECK (role IN ('home', 'work', 'other')),
    -- The stays (stays.stay_id) that make up the location.
    stay_ids       bigint[]         NOT NULL,
    PRIMARY KEY (user_id, location_id)
);
