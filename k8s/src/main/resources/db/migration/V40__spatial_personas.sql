-- spatial_persona: one rule-based mobility profile per user (returner or explorer after Pappalardo et al. 2015, and
-- traits), recomputed per user as a whole from footprints, locations, stays and triplegs. features says why.
CREATE TABLE spatial_personas (
    user_id                 text             PRIMARY KEY,
    -- no_data (no stays), stationary (fewer than minLocations locations), returner (k-radius of gyration above
    -- returnerRatio times the radius of gyration) or explorer.
    label                   text             NOT NULL CHECK (label IN ('no_data', 'stationary', 'returner',
                                                 'explorer')),
    -- From footprints (footprint_stats), metres; null without stays.
    radius_of_gyration_m    double precision,
    k                       integer,
    k_radius_of_gyration_m  double precision,
    -- skmob uncorrelated_entropy (bits, over the locations' visit counts); null without stays.
    uncorrelated_entropy    double precision,
    locations               integer          NOT NULL CHECK (locations >= 0),
    -- Share of the triplegs' length per fine mode, e.g. {"walk": 0.2, "rail": 0.8}; {} without triplegs.
    modal_split             jsonb            NOT NULL,
    -- The mode whose share reaches dominantModeShare, if any.
    dominant_mode           text,
    -- Local nights (nightStartHour to nightEndHour) with any stay, and those with a stay at home: the location with
    -- a stay in the most nights.
    nights                  integer          NOT NULL CHECK (nights >= 0),
    home_nights             integer          NOT NULL CHECK (home_nights BETWEEN 0 AND nights),
    -- The traits that fired: routine, many_locations, dominant_mode, regular_home.
    traits                  text[]           NOT NULL,
    -- Every rule evaluated: its feature values, threshold and whether it fired, by rule name.
    features                jsonb            NOT NULL
);
