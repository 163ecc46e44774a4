-- revisit_pattern: per location of stay_stats, how the user comes back to it (scikit-mobility frequency_rank and
-- recency_rank, return times after Gonzalez et al. 2008), and the growth of the number of distinct locations S(t)
-- over the user's visits (Song et al. 2010). Both recomputed per user as a whole from stays and locations.
CREATE TABLE revisit_patterns (
    user_id             text             NOT NULL,
    -- locations.location_id.
    location_id         integer          NOT NULL,
    -- Stays at the location.
    visits              integer          NOT NULL CHECK (visits >= 1),
    -- Distinct local dates of the visits' starts (the user's zone, else the zone at the location).
    days                integer          NOT NULL CHECK (days >= 1),
    -- Start of the first and of the last visit.
    first_visit_at      timestamptz      NOT NULL,
    last_visit_at       timestamptz      NOT NULL,
    -- Median time from one visit's start to the next visit's start, hours; null for a location visited once.
    median_return_h     double precision CHECK (median_return_h >= 0),
    -- 1 = most visited (skmob frequency_rank: distinct ranks, ties in ascending lat, lon).
    frequency_rank      integer          NOT NULL CHECK (frequency_rank >= 1),
    -- 1 = most recently visited (skmob recency_rank: by the latest visit's start).
    recency_rank        integer          NOT NULL CHECK (recency_rank >= 1),
    PRIMARY KEY (user_id, location_id)
);

-- S(t): after each of the user's visits (stays at a location, in time order), the number of distinct locations
-- visited so far (Song et al. 2010).
CREATE TABLE location_growth (
    user_id            text             NOT NULL,
    -- 1, 2, ... in the order of the visits' starts.
    visit_index        integer          NOT NULL CHECK (visit_index >= 1),
    visited_at         timestamptz      NOT NULL,
    -- Hours from the start of the user's first visit to this visit's start.
    hours_since_first  double precision NOT NULL CHECK (hours_since_first >= 0),
    location_id        integer          NOT NULL,
    -- S: distinct locations among visits 1..visit_index.
    distinct_locations integer          NOT NULL CHECK (distinct_locations BETWEEN 1 AND visit_index),
    PRIMARY KEY (user_id, visit_index)
);

-- S(t) with the user's exponent mu of S ~ t^mu (Song et al. 2010: mu ~ 0.6), the least-squares slope of
-- ln S over ln t (t in hours since the first visit, visits at t = 0 left out), and its r^2; null with fewer than two
-- distinct t > 0.
CREATE VIEW location_growth_fits AS
SELECT g.user_id, g.visit_index, g.visited_at, g.hours_since_first, g.location_id, g.distinct_locations,
       regr_slope(ln(g.distinct_locations), ln(g.hours_since_first))
           FILTER (WHERE g.hours_since_first > 0) OVER (PARTITION BY g.user_id) AS mu,
       regr_r2(ln(g.distinct_locations), ln(g.hours_since_first))
           FILTER (WHERE g.hours_since_first > 0) OVER (PARTITION BY g.user_id) AS mu_r2
FROM location_growth g;
