-- geocoding: the administrative areas along each user's clean fixes, as runs. Per level (0 country, 1 region,
-- 2 district, those of the admin load up to maxAdminLevel), a run is a maximal stretch of consecutive clean fixes in
-- the same area, ended early by a gap of more than maxGapSeconds. A fix in no area of the level (at sea, in a hole)
-- belongs to a run with a null code. The areas are looked up once per H3 cell at cellResolution: a fix within about
-- a cell's size of a border may take the cell centre's area, unless the cell's corners lie in different areas.
CREATE TABLE admin_visits (
    user_id           text        NOT NULL,
    level             smallint    NOT NULL CHECK (level BETWEEN 0 AND 10),
    -- The area's code, country code ('' when the load gave none) and name as loaded; all three null: in no area.
    code              text,
    country           text,
    name              text,
    started_at        timestamptz NOT NULL,
    -- The next fix's time (in another area), or the run's last fix after a gap or at the end of the data.
    finished_at       timestamptz NOT NULL,
    -- The time of the run's last fix.
    last_fix_at       timestamptz NOT NULL,
    first_point_id    bigint      NOT NULL,
    last_point_id     bigint      NOT NULL,
    n_points          integer     NOT NULL CHECK (n_points >= 1),
    -- The admin reference load the task read (reference_loads.id; kept as a number, as a load may be pruned later).
    reference_load_id bigint      NOT NULL,
    CHECK (last_fix_at >= started_at AND finished_at >= last_fix_at),
    CHECK ((code IS NULL) = (name IS NULL) AND (code IS NULL) = (country IS NULL))
);

CREATE INDEX admin_visits_user_started_at ON admin_visits (user_id, started_at);
