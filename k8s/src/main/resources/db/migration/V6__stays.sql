-- stay_detection: stay points (Li et al. 2008, trackintel generate_staypoints "sliding").
CREATE TABLE stays (
    -- The id of the stay's first fix: stable across recomputes, so triplegs and trips can name it.
    stay_id        bigint           PRIMARY KEY,
    user_id        text             NOT NULL,
    started_at     timestamptz      NOT NULL,
    -- The time of the first fix outside the stay (trackintel's finished_at).
    finished_at    timestamptz      NOT NULL,
    lat            double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon            double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    n_points       integer          NOT NULL CHECK (n_points >= 1),
    -- Median altitude of the stay's fixes; null when none had one.
    elevation_m    double precision,
    first_point_id bigint           NOT NULL,
    last_point_id  bigint           NOT NULL,
    CHECK (finished_at >= started_at)
);

CREATE INDEX stays_user_started_at ON stays (user_id, started_at);
