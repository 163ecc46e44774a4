-- extreme_events: per user, one row per kind of record, each with when and where (gpxpy calculate_max_speed,
-- scikit-mobility max_distance_from_home and maximum_distance), recomputed per user as a whole. A kind without a
-- value (no home, no altitude, no trip, fewer than two fixes) has no row.
CREATE TABLE extreme_events (
    user_id      text             NOT NULL,
    -- max_speed (km/h), farthest_from_home (m), longest_jump (m), longest_gap (s), longest_trip_duration (s),
    -- longest_trip_distance (m), highest_altitude (m), lowest_altitude (m).
    kind         text             NOT NULL CHECK (kind IN ('max_speed', 'farthest_from_home', 'longest_jump',
                                      'longest_gap', 'longest_trip_duration', 'longest_trip_distance',
                                      'highest_altitude', 'lowest_altitude')),
    value        double precision NOT NULL,
    unit         text             NOT NULL CHECK (unit IN ('km/h', 'm', 's')),
    -- When and where: the fix itself, the first fix of a step (speed, jump, gap), or a trip's start and first fix.
    occurred_at  timestamptz      NOT NULL,
    lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon          double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    -- The fix (track_points.id) for fix and step records, the trip (trips.trip_id) for trip records.
    reference_id bigint           NOT NULL,
    PRIMARY KEY (user_id, kind)
);

CREATE INDEX extreme_events_user_occurred_at ON extreme_events (user_id, occurred_at);
