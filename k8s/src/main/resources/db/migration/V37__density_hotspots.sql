-- density_structure: per user and H3 cell (grid_system's resolution), the presence summed from grid_system's cell
-- visits and whether the cell is a hot spot of dwell time, recomputed per user as a whole. Gi* (Getis & Ord 1992,
-- standardised as PySAL esda G_Local star=True) weighs the cell and its ring-1 neighbours (H3 gridDisk k=1) with 1;
-- the study area is the user's visited cells plus their unvisited neighbours, which count as dwell 0.
CREATE TABLE density_hotspots (
    user_id        text             NOT NULL,
    resolution     smallint         NOT NULL CHECK (resolution BETWEEN 0 AND 15),
    -- H3 cell index (64-bit).
    cell           bigint           NOT NULL,
    -- Fixes in the cell and dwell time credited to it (grid_system: each fix until the next, recording gaps excluded).
    n_points       bigint           NOT NULL CHECK (n_points >= 1),
    dwell_seconds  double precision NOT NULL CHECK (dwell_seconds >= 0),
    -- Distinct local days on which a visit to the cell lasted (first to last fix), in the user's day walk: the user's
    -- zone setting, else the zone at the cell's centre, else the task's timeZone.
    days           integer          NOT NULL CHECK (days >= 1),
    -- Gi* z score of dwell_seconds and its two-sided normal p value; null where Gi* is undefined (all dwell 0, or a
    -- single visited cell, whose neighbourhood is the whole study area).
    gi_z           double precision,
    gi_p           double precision CHECK (gi_p BETWEEN 0 AND 1),
    -- gi_z > 0 and gi_p < significance; null where gi_z is.
    gi_hot         boolean,
    -- dwell_seconds above the hotspotPercentile percentile of the user's cells' dwell times (linear interpolation).
    percentile_hot boolean          NOT NULL,
    CHECK ((gi_z IS NULL) = (gi_hot IS NULL) AND (gi_z IS NULL) = (gi_p IS NULL)),
    PRIMARY KEY (user_id, cell)
);
