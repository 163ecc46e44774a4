-- spatial_complexity: per trip, the shape of its path after trajr (McLean & Skowron Volponi 2018), in a local
-- equirectangular plane about the trip's centre with duplicate positions dropped. Sinuosity, fractal dimension and
-- E_max come from the path rediscretized to step_m (trajr TrajRediscretize); directional change from the fixes.
CREATE TABLE complexity_metrics (
    user_id            text             NOT NULL,
    trip_id            bigint           NOT NULL,
    started_at         timestamptz      NOT NULL,
    finished_at        timestamptz      NOT NULL,
    n_points           integer          NOT NULL CHECK (n_points >= 1),
    -- Length of the path through the trip's fixes, metres.
    path_m             double precision NOT NULL CHECK (path_m >= 0),
    -- The step length of the rediscretized path (stepLengthMeters), metres, and its number of steps.
    step_m             double precision NOT NULL CHECK (step_m > 0),
    n_steps            integer          NOT NULL CHECK (n_steps >= 0),
    -- Benhamou (2004) eq. 8 as trajr TrajSinuosity2: 2 / sqrt(p ((1 + c) / (1 - c) + b^2)), per square root of a
    -- metre; 0 for a straight path.
    sinuosity          double precision CHECK (sinuosity >= 0),
    -- trajr TrajFractalDimension (10 dividers from step_m to a tenth of path_m, at least a factor of 3 apart; Nams
    -- 2006 corrections, mean of both directions): 1 for a straight path, towards 2 for a path that fills the plane.
    fractal_dimension  double precision,
    -- E_max-a (Cheung et al. 2007, trajr TrajEmax): c / (1 - c), dimensionless; null for a straight path (infinite).
    e_max              double precision,
    -- Directional change (Kitamura & Imafuku 2015, trajr TrajDirectionalChange): mean and sample standard deviation
    -- (SDDC) of the absolute turning angle at each fix over the time from the previous fix to the next, degrees/s.
    dc_mean_deg_s      double precision CHECK (dc_mean_deg_s >= 0),
    sddc_deg_s         double precision CHECK (sddc_deg_s >= 0),
    -- Why measures are null, comma-separated: too_few_steps (fewer than two rediscretized steps), straight (E_max
    -- infinite), too_short_for_fractal (path shorter than 30 steps, or too few divider sizes fit), too_few_turns
    -- (fewer than two timed turns at the fixes); null when every measure is there.
    note               text,
    CHECK (finished_at >= started_at),
    PRIMARY KEY (user_id, trip_id)
);

CREATE INDEX complexity_metrics_user_started_at ON complexity_metrics (user_id, started_at);
