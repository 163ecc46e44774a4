-- trajectory_completion: recording gaps between consecutive clean fixes (longer than minGapSeconds, at most
-- maxGapMinutes, at least spacingMeters apart) filled with synthetic fixes. The synthetic fixes live here, never in
-- track_points, so that no skill that reads fixes (stay detection first) can take them for recorded ones.
CREATE TABLE completed_gaps (
    user_id            text             NOT NULL,
    -- The recorded fixes on either side of the gap (track_points ids) and their times.
    started_at         timestamptz      NOT NULL,
    finished_at        timestamptz      NOT NULL,
    first_point_id     bigint           NOT NULL,
    last_point_id      bigint           NOT NULL,
    -- Great-circle distance between the two fixes, and the speed it implies over the gap's time.
    distance_m         double precision NOT NULL CHECK (distance_m >= 0),
    implied_speed_kmh  double precision NOT NULL CHECK (implied_speed_kmh >= 0),
    -- Fine transport modes (transport_mode's labels) of the movement segments at the two fixes; null: none there.
    mode_before        text,
    mode_after         text,
    -- The method the speed and modes asked for, and the one used: they differ when no OSM network is loaded or the
    -- network does not reach both ends within maxSnapMeters (then 'linear').
    wanted_method      text             NOT NULL CHECK (wanted_method IN ('linear', 'great_circle', 'road', 'rail')),
    method             text             NOT NULL CHECK (method IN ('linear', 'great_circle', 'road', 'rail')),
    -- Length of the path the synthetic fixes follow (the route, the great circle or the straight line).
    path_length_m      double precision NOT NULL CHECK (path_length_m >= 0),
    n_synthetic        integer          NOT NULL CHECK (n_synthetic >= 1),
    -- The OSM reference load routed on (reference_loads.id, kept as a number); null for a great circle or a line.
    reference_load_id  bigint,
    CHECK (finished_at > started_at),
    CHECK ((method IN ('road', 'rail')) = (reference_load_id IS NOT NULL))
);

CREATE INDEX completed_gaps_user_started_at ON completed_gaps (user_id, started_at);

-- One row per synthetic fix, in order along its gap; replaced with its gap (by the gap's start time).
CREATE TABLE synthetic_fixes (
    user_id            text             NOT NULL,
    -- The gap: its start time and first fix (completed_gaps.started_at, first_point_id).
    gap_started_at     timestamptz      NOT NULL,
    gap_first_point_id bigint           NOT NULL,
    -- 1, 2, ... along the gap.
    seq                integer          NOT NULL CHECK (seq >= 1),
    -- Time and position at constant speed along the gap's path.
    recorded_at        timestamptz      NOT NULL,
    lat                double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    CHECK (recorded_at > gap_started_at)
);

CREATE INDEX synthetic_fixes_user_gap_started_at ON synthetic_fixes (user_id, gap_started_at, seq);
