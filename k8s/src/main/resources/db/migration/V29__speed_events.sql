-- speed_events: intervals of fast (or slow) movement between consecutive clean fixes, with hysteresis (trajr
-- TrajSpeedIntervals, MovingPandas SpeedSplitter). Speeds in km/h, distances in metres.
CREATE TABLE speed_events (
    user_id        text             NOT NULL,
    -- The id of the event's first fix: stable across recomputes.
    event_id       bigint           NOT NULL,
    -- fast: above speedThresholdKmh; slow: below speedFloorKmh.
    kind           text             NOT NULL CHECK (kind IN ('fast', 'slow')),
    -- The times of the event's first and last fix (no interpolated threshold crossings).
    started_at     timestamptz      NOT NULL,
    finished_at    timestamptz      NOT NULL,
    duration_s     double precision NOT NULL CHECK (duration_s >= 0),
    -- Great-circle distance summed over the event's steps between fixes.
    distance_m     double precision NOT NULL CHECK (distance_m >= 0),
    -- The fastest step between two of the event's fixes.
    max_speed_kmh  double precision NOT NULL,
    -- distance_m over duration_s.
    mean_speed_kmh double precision NOT NULL,
    n_points       integer          NOT NULL CHECK (n_points >= 2),
    -- The trip (trips.trip_id) whose time span holds the event's start; null outside any trip.
    trip_id        bigint,
    PRIMARY KEY (user_id, event_id),
    CHECK (finished_at >= started_at)
);

CREATE INDEX speed_events_user_started_at ON speed_events (user_id, started_at);
