-- transport_mode: movement segments of clean fixes with their coarse (trackintel simple-coarse) and fine mode.
CREATE TABLE movement_segments (
    user_id          text             NOT NULL,
    started_at       timestamptz      NOT NULL,
    finished_at      timestamptz      NOT NULL,
    first_point_id   bigint           NOT NULL,
    last_point_id    bigint           NOT NULL,
    n_points         integer          NOT NULL CHECK (n_points >= 2),
    length_m         double precision NOT NULL CHECK (length_m >= 0),
    median_speed_kmh double precision NOT NULL CHECK (median_speed_kmh >= 0),
    p95_speed_kmh    double precision NOT NULL CHECK (p95_speed_kmh >= 0),
    mode_coarse      text             NOT NULL
        CHECK (mode_coarse IN ('slow_mobility', 'motorized_mobility', 'fast_mobility', 'unknown')),
    mode             text             NOT NULL
        CHECK (mode IN ('walk', 'bicycle', 'road_vehicle', 'rail', 'airplane', 'unknown')),
    PRIMARY KEY (user_id, started_at),
    CHECK (finished_at >= started_at)
);
