-- time_axis_map: the space-time path (Hägerstrand 1970; Kraak 2003) per local day, in fixed bins from local
-- midnight, recomputed per user as a whole. Only days with fixes have rows; within them every bin has one.
CREATE TABLE time_axis_entries (
    user_id            text             NOT NULL,
    -- The local day the bin belongs to; a day ends at midnight in the zone of the user's latest fix (a day across
    -- a zone change or a DST change is longer or shorter than 24 h).
    local_date         date             NOT NULL,
    bin_start          timestamptz      NOT NULL,
    -- The bin's length: binMinutes, less for the last bin of a day that does not divide into whole bins.
    bin_seconds        integer          NOT NULL CHECK (bin_seconds > 0),
    -- stay: stays cover at least half of the bin, or the bin has stay time and no fix outside a stay; move: a fix
    -- outside every stay; gap: neither.
    state              text             NOT NULL CHECK (state IN ('stay', 'move', 'gap')),
    -- Great-circle distance from the home location (stay_stats) to the bin's position: the stay's centre, or the
    -- first fix of the bin outside a stay. Null in gaps and for a user without a home location.
    distance_from_home_m double precision CHECK (distance_from_home_m >= 0),
    -- H3 cell of the bin's position at h3Resolution; null in gaps.
    h3_cell            bigint,
    -- The place of a stay bin: its stay's location (locations.location_id) and that location's role; null
    -- otherwise, and for a stay that no location holds. Place names come with geocoding.
    location_id        integer,
    location_role      text             CHECK (location_role IN ('home', 'work', 'other')),
    zone               text             NOT NULL,
    zone_source        text             NOT NULL CHECK (zone_source IN ('user', 'location', 'parameter')),
    PRIMARY KEY (user_id, bin_start)
);
