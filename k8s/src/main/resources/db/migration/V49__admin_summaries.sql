-- admin_summaries (skill admin_view): per user, admin level (each level geocoding produced) and administrative area,
-- geocoding's runs (admin_visits) added up, with the clean fixes inside them. Recomputed per user.
CREATE TABLE admin_summaries (
    user_id           text             NOT NULL,
    level             smallint         NOT NULL CHECK (level BETWEEN 0 AND 10),
    -- The area (code, country code, name as loaded); all three null: the fixes in no area of the level (at sea).
    code              text,
    country           text,
    name              text,
    -- The runs' durations added up: from each run's first fix to the next fix, or to its last fix before a gap.
    dwell_seconds     double precision NOT NULL CHECK (dwell_seconds >= 0),
    -- The steps between consecutive fixes of the dwell faster than stoppedSpeedKmh (gpxpy get_moving_data).
    moving_seconds    double precision NOT NULL CHECK (moving_seconds >= 0),
    -- The length of the steps of the dwell (great-circle, 2D).
    distance_meters   double precision NOT NULL CHECK (distance_meters >= 0),
    -- Distinct local days (the user's zone, else the zone at the fix) with a fix in the area.
    local_days        integer          NOT NULL CHECK (local_days >= 1),
    -- Visits: runs of the area, with the runs across a recording gap in the same area and around border jitter (a
    -- visit elsewhere shorter than minDwellSeconds) joined; 0 when the area was only seen as jitter.
    entries           integer          NOT NULL CHECK (entries >= 0),
    -- geocoding's runs in the area.
    runs              integer          NOT NULL CHECK (runs >= 1),
    n_points          integer          NOT NULL CHECK (n_points >= 1),
    first_fix_at      timestamptz      NOT NULL,
    last_fix_at       timestamptz      NOT NULL,
    -- The admin reference load geocoding's runs were made with (reference_loads.id).
    reference_load_id bigint           NOT NULL,
    CHECK (moving_seconds <= dwell_seconds + 0.001 AND last_fix_at >= first_fix_at),
    CHECK ((code IS NULL) = (name IS NULL) AND (code IS NULL) = (country IS NULL))
);

CREATE INDEX admin_summaries_user_level ON admin_summaries (user_id, level, code);
