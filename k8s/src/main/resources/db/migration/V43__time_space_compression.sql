-- time_space_compression: each trip's clean fixes compressed at one tolerance (spatialRadiusMeters) by up to three
-- methods, with the error of the compressed track. All distances in metres in the plane tangent to the sphere at the
-- trip's centre (orthographic; no seam at the antimeridian, none at the poles). SED, the time-synchronised Euclidean
-- distance (Meratnia & de By 2004), of a fix is its distance from the position the compressed track gives at the
-- fix's time (linear between the compressed fixes before and after it).
CREATE TABLE compressed_tracks (
    user_id      text             NOT NULL,
    trip_id      bigint           NOT NULL,
    -- TD_TR: Douglas-Peucker on SED (Meratnia & de By 2004); DOUGLAS_PEUCKER: on the distance from the segment
    -- (Douglas & Peucker 1973); SKMOB_RADIUS: scikit-mobility compress, fixes within the radius of a group's first
    -- fix merged into their median at the first fix's time.
    method       text             NOT NULL CHECK (method IN ('TD_TR', 'DOUGLAS_PEUCKER', 'SKMOB_RADIUS')),
    started_at   timestamptz      NOT NULL,
    finished_at  timestamptz      NOT NULL,
    -- spatialRadiusMeters of the run.
    tolerance_m  double precision NOT NULL CHECK (tolerance_m > 0),
    fixes_in     integer          NOT NULL CHECK (fixes_in >= 1),
    fixes_out    integer          NOT NULL CHECK (fixes_out BETWEEN 1 AND fixes_in),
    -- fixes_out / fixes_in: the share of the fixes the compressed track keeps.
    ratio        double precision NOT NULL CHECK (ratio > 0 AND ratio <= 1),
    -- SED over the fixes the compressed track replaces: the dropped fixes for TD_TR and DOUGLAS_PEUCKER, every fix
    -- for SKMOB_RADIUS (whose fixes are medians); 0 when none is replaced.
    max_sed_m    double precision NOT NULL CHECK (max_sed_m >= 0),
    mean_sed_m   double precision NOT NULL CHECK (mean_sed_m >= 0 AND mean_sed_m <= max_sed_m),
    CHECK (finished_at >= started_at),
    PRIMARY KEY (user_id, trip_id, method)
);

CREATE INDEX compressed_tracks_user_started_at ON compressed_tracks (user_id, started_at);

-- The compressed tracks themselves, a row per fix in time order (seq from 0), for rendering a trip at any zoom:
-- SELECT lat, lon FROM compressed_fixes WHERE user_id = ? AND trip_id = ? AND method = ? ORDER BY seq.
CREATE TABLE compressed_fixes (
    user_id      text             NOT NULL,
    trip_id      bigint           NOT NULL,
    method       text             NOT NULL CHECK (method IN ('TD_TR', 'DOUGLAS_PEUCKER', 'SKMOB_RADIUS')),
    -- The trip's start, as in compressed_tracks: the rows of a trip are replaced together.
    started_at   timestamptz      NOT NULL,
    seq          integer          NOT NULL CHECK (seq >= 0),
    -- A kept fix's own time and position; for SKMOB_RADIUS the time of a group's first fix and the median latitude
    -- and longitude of the group.
    recorded_at  timestamptz      NOT NULL,
    lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon          double precision NOT NULL CHECK (lon >= -180 AND lon <= 180),
    PRIMARY KEY (user_id, trip_id, method, seq)
);

CREATE INDEX compressed_fixes_user_started_at ON compressed_fixes (user_id, started_at);
