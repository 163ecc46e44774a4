-- admin_crossings: per user and admin level, each change of administrative area between consecutive clean fixes, from
-- geocoding's runs (admin_visits). A continuous crossing is timed and placed where the segment between the last fix
-- before and the first fix after the change meets the boundary of the area left (of the area entered when the user
-- came from no area), in the admin load the runs were made with; the time is interpolated linearly along the
-- segment. A change across a recording gap (geocoding ended the run at the gap) has no time or place, only the gap's
-- bounds. A visit shorter than minDwellSeconds between two others, without a gap on either side, is border jitter:
-- A, B (short), A gives no crossing; A, B (short), C one crossing from A to C where A was left. Recomputed per user.
CREATE TABLE admin_crossings (
    user_id           text             NOT NULL,
    level             smallint         NOT NULL CHECK (level BETWEEN 0 AND 10),
    -- The area left and the area entered (code, country code, name as loaded); all three null: no area (at sea).
    from_code         text,
    from_country      text,
    from_name         text,
    to_code           text,
    to_country        text,
    to_name           text,
    -- When and where the boundary was crossed; null when the change happened in a recording gap.
    crossed_at        timestamptz,
    lat               double precision CHECK (lat BETWEEN -90 AND 90),
    lon               double precision CHECK (lon BETWEEN -180 AND 180),
    -- false: the segment meets neither area's boundary (the fixes' areas came from geocoding's cell cache, within
    -- about a cell of the border), and the place and time are the segment's midpoint.
    on_boundary       boolean,
    in_gap            boolean          NOT NULL,
    -- The last fix before and the first fix after the change: the gap's bounds when in_gap.
    gap_started_at    timestamptz,
    gap_ended_at      timestamptz,
    before_point_id   bigint           NOT NULL,
    after_point_id    bigint           NOT NULL,
    -- The admin reference load geocoding's runs were made with (reference_loads.id).
    reference_load_id bigint           NOT NULL,
    CHECK (in_gap = (crossed_at IS NULL) AND (crossed_at IS NULL) = (lat IS NULL)
        AND (lat IS NULL) = (lon IS NULL) AND (lon IS NULL) = (on_boundary IS NULL)),
    CHECK (in_gap = (gap_started_at IS NOT NULL) AND (gap_started_at IS NULL) = (gap_ended_at IS NULL)),
    CHECK ((from_code IS NULL) = (from_name IS NULL) AND (from_code IS NULL) = (from_country IS NULL)),
    CHECK ((to_code IS NULL) = (to_name IS NULL) AND (to_code IS NULL) = (to_country IS NULL))
);

CREATE INDEX admin_crossings_user_level ON admin_crossings (user_id, level, before_point_id);
