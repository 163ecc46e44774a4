-- trip_construction: triplegs between stays (trackintel generate_triplegs "between_staypoints") with the mode that
-- overlaps them most, and trips between activity stays (trackintel generate_trips).
CREATE TABLE triplegs (
    -- The id of the tripleg's first fix: stable across recomputes.
    tripleg_id     bigint           PRIMARY KEY,
    user_id        text             NOT NULL,
    started_at     timestamptz      NOT NULL,
    finished_at    timestamptz      NOT NULL,
    first_point_id bigint           NOT NULL,
    last_point_id  bigint           NOT NULL,
    n_points       integer          NOT NULL CHECK (n_points >= 2),
    length_m       double precision NOT NULL CHECK (length_m >= 0),
    mode_coarse    text             NOT NULL
        CHECK (mode_coarse IN ('slow_mobility', 'motorized_mobility', 'fast_mobility', 'unknown')),
    mode           text             NOT NULL
        CHECK (mode IN ('walk', 'bicycle', 'road_vehicle', 'rail', 'airplane', 'unknown')),
    CHECK (finished_at >= started_at)
);

CREATE INDEX triplegs_user_started_at ON triplegs (user_id, started_at);

CREATE TABLE trips (
    -- The id of the trip's first tripleg.
    trip_id             bigint      PRIMARY KEY,
    user_id             text        NOT NULL,
    started_at          timestamptz NOT NULL,
    finished_at         timestamptz NOT NULL,
    -- The activity stays before and after the trip; null at a recording gap or at either end of the data.
    origin_stay_id      bigint,
    destination_stay_id bigint,
    tripleg_ids         bigint[]    NOT NULL,
    -- Non-activity stays inside the trip (a short stop).
    stay_ids            bigint[]    NOT NULL DEFAULT '{}',
    CHECK (finished_at >= started_at)
);

CREATE INDEX trips_user_started_at ON trips (user_id, started_at);
