-- The stored unit of altitude, whatever the source: importers convert (GeoLife PLT files give feet, x 0.3048) and
-- store an unknown altitude (PLT -777) as null.
COMMENT ON COLUMN track_points.altitude_m IS
    'Altitude in metres (as the device reports it, usually above the WGS 84 ellipsoid or mean sea level); null when'
    ' unknown. Importers convert other units (GeoLife PLT: feet) and store sentinels (PLT -777) as null.';

-- altitude_dimension: per trip, from the fixes' own altitudes (no elevation model), after masking altitudes that are
-- no readings (below minAltitudeMeters, above maxAltitudeMeters, GeoLife's -777 ft) and spikes (further than
-- spikeMeters from the median of their neighbours): min, max, gain and loss (gpxpy calculate_uphill_downhill,
-- optionally 3-point smoothed) and the steepest grade. Metres and percent.
CREATE TABLE altitude_profiles (
    user_id         text             NOT NULL,
    trip_id         bigint           NOT NULL,
    started_at      timestamptz      NOT NULL,
    finished_at     timestamptz      NOT NULL,
    -- The trip's fixes, and those with a valid altitude (neither masked nor a spike); the altitude columns are null when none has one.
    n_points        integer          NOT NULL CHECK (n_points >= 1),
    valid_points    integer          NOT NULL CHECK (valid_points BETWEEN 0 AND n_points),
    min_altitude_m  double precision,
    max_altitude_m  double precision,
    -- Sums of the rises and of the drops between consecutive valid altitudes (after smoothing when smooth is true).
    gain_m          double precision CHECK (gain_m >= 0),
    loss_m          double precision CHECK (loss_m >= 0),
    -- The grade of largest magnitude (rise over horizontal distance, percent; negative downhill) over stretches of
    -- at least gradeDistanceMeters between valid altitudes; null when the trip has no such stretch.
    max_grade_pct   double precision,
    CHECK (finished_at >= started_at),
    PRIMARY KEY (user_id, trip_id)
);

CREATE INDEX altitude_profiles_user_started_at ON altitude_profiles (user_id, started_at);
