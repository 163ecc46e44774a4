-- footprint_stats: per-user mobility measures over stays (scikit-mobility measures.individual, trackintel
-- radius_gyration), recomputed per user as a whole. Distances in metres; null where a measure is undefined.
CREATE TABLE footprints (
    user_id                     text             PRIMARY KEY,
    stays                       integer          NOT NULL,
    locations                   integer          NOT NULL,
    distinct_cells              bigint           NOT NULL,
    radius_of_gyration_m        double precision,
    duration_radius_of_gyration_m double precision,
    k                           integer          NOT NULL,
    k_radius_of_gyration_m      double precision,
    random_entropy              double precision,
    uncorrelated_entropy        double precision,
    jumps                       integer          NOT NULL,
    jump_min_m                  double precision,
    jump_median_m               double precision,
    jump_p90_m                  double precision,
    jump_max_m                  double precision,
    jump_mean_m                 double precision,
    home_lat                    double precision,
    home_lon                    double precision,
    -- True when home is the location most visited at night, false when no night visit existed (most visited).
    home_from_night             boolean,
    max_distance_from_home_m    double precision
);
