-- speed_space_coupling: how fast a user moves where, recomputed per user as a whole. A fix is moving when it lies
-- outside every stay (stay_detection) and the step from the previous fix (haversine over the time between them) is
-- faster than movingSpeedKmh; a step of no time or of more than maxGapSeconds (a recording gap) gives its fix no
-- speed. Each fix lies in the cell of its grid_system visit.

-- Per H3 cell with at least minFixesPerCell moving fixes: their number and speed percentiles (linear, as numpy).
CREATE TABLE speed_space_profiles (
    user_id          text             NOT NULL,
    resolution       smallint         NOT NULL CHECK (resolution BETWEEN 0 AND 15),
    -- H3 cell index (64-bit).
    cell             bigint           NOT NULL,
    n_points         integer          NOT NULL CHECK (n_points >= 1),
    median_speed_kmh double precision NOT NULL CHECK (median_speed_kmh >= 0),
    p85_speed_kmh    double precision NOT NULL CHECK (p85_speed_kmh >= median_speed_kmh),
    PRIMARY KEY (user_id, cell)
);

-- Per user: Spearman's rho between a moving fix's speed and its great-circle distance from the home footprint_stats
-- found (ties get average ranks), with a two-sided p value from Student's t with n - 2 degrees of freedom.
CREATE TABLE speed_home_correlations (
    user_id  text             NOT NULL PRIMARY KEY,
    -- Moving fixes paired with a distance from home: 0 when the user has no home.
    n_points integer          NOT NULL CHECK (n_points >= 0),
    -- Null with fewer than 3 pairs, or when speeds or distances are all equal.
    rho      double precision CHECK (rho BETWEEN -1 AND 1),
    p_value  double precision CHECK (p_value BETWEEN 0 AND 1),
    CHECK ((rho IS NULL) = (p_value IS NULL))
);
