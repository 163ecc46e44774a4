-- stay_annotation: per location of stay_stats, its role by three views (trackintel location_identifier FREQ and
-- OSNA, the scikit-mobility night window), the role of the chosen method with its confidence, the nearest place of
-- the active places load and the admin units geocoding found at its stays. Recomputed per user as a whole. A stay's
-- role is its location's: the stays are listed in stay_ids.
CREATE TABLE stay_annotations (
    user_id          text             NOT NULL,
    -- locations.location_id of the same user.
    location_id      integer          NOT NULL,
    -- The location's centre, as stay_stats gives it.
    lat              double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon              double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    -- The role by the task's method, and that method (FREQ, OSNA or NIGHT).
    role             text             NOT NULL CHECK (role IN ('home', 'work', 'other')),
    method           text             NOT NULL CHECK (method IN ('FREQ', 'OSNA', 'NIGHT')),
    -- For home and work: the winner's margin over the runner-up in the method's score, (winner - runner-up) /
    -- winner, in [0, 1] (1: no rival, 0: a tie broken by location id). Null for other.
    confidence       double precision CHECK (confidence BETWEEN 0 AND 1),
    -- The three views; each is home, work or other.
    freq_role        text             NOT NULL CHECK (freq_role IN ('home', 'work', 'other')),
    osna_role        text             NOT NULL CHECK (osna_role IN ('home', 'work', 'other')),
    night_role       text             NOT NULL CHECK (night_role IN ('home', 'work', 'other')),
    -- The scores behind them: summed stay time, OSNA's weighted weekday home (rest x 0.739 + leisure x 0.358) and
    -- work (08:00-19:00) time, and the stay time in the local nights 22:00-07:00.
    dwell_seconds    double precision NOT NULL CHECK (dwell_seconds >= 0),
    osna_home_seconds double precision NOT NULL CHECK (osna_home_seconds >= 0),
    osna_work_seconds double precision NOT NULL CHECK (osna_work_seconds >= 0),
    night_seconds    double precision NOT NULL CHECK (night_seconds >= 0),
    -- The nearest place within placeRadiusMeters of the centre as the gazetteer gives it; all null: none that near,
    -- or no places loaded (then places_load_id is null too).
    place_name       text,
    place_country    text,
    place_admin1     text,
    place_admin2     text,
    place_distance_m double precision CHECK (place_distance_m >= 0),
    places_load_id   bigint,
    -- Per admin level, the code of the area whose geocoding runs overlap the location's stays the longest; null:
    -- no run in an area at that level overlaps them (level not loaded, not geocoded, or in no area).
    admin0_code      text,
    admin1_code      text,
    admin2_code      text,
    -- The name of the deepest of those areas.
    admin_name       text,
    -- The stays (stays.stay_id) of the location: each carries the location's role.
    stay_ids         bigint[]         NOT NULL,
    PRIMARY KEY (user_id, location_id),
    CHECK ((place_name IS NULL) = (place_distance_m IS NULL))
);
