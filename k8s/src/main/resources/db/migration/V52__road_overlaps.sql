-- road_overlap: how much of each trip followed the roads of the active OSM load. Per trip one row for the whole trip
-- (road_class 'all') and one per road class that its matched route or its near fixes touch. method map_matching: the
-- trip's fixes near roads were map-matched (Newson & Krumm 2009 HMM, GraphHopper map-matching 10.2) and the matched
-- route's length compares with the GPS length; fixes with no road within candidateRadiusMeters are off-road, split the
-- matching and count only in the GPS length. method proximity: matching broke (a fix far from every road, no road
-- route between fixes, or no two consecutive fixes near roads), so only the share of fixes near a road is known.
CREATE TABLE road_overlaps (
    user_id           text             NOT NULL,
    trip_id           bigint           NOT NULL,
    -- 'all' for the whole trip, else an OSM highway value (links counted as their road, e.g. motorway_link as
    -- motorway; 'other' for a class GraphHopper does not know).
    road_class        text             NOT NULL,
    started_at        timestamptz      NOT NULL,
    finished_at       timestamptz      NOT NULL,
    method            text             NOT NULL CHECK (method IN ('map_matching', 'proximity')),
    -- The trip's clean fixes, and those the matching keeps (the first, each more than 2 sigma from the previous one
    -- kept, the last), over which lengths and shares are taken, so that GPS jitter does not count as travel nor a
    -- stop's many fixes as much road; the length of the polyline through them. The same on every row of the trip.
    n_points          integer          NOT NULL CHECK (n_points >= 1),
    sampled_points    integer          NOT NULL CHECK (sampled_points BETWEEN 1 AND n_points),
    gps_length_m      double precision NOT NULL CHECK (gps_length_m >= 0),
    -- Length of the matched road route (on roads of the class); null when the method is proximity.
    matched_length_m  double precision CHECK (matched_length_m >= 0),
    -- matched_length_m / gps_length_m; may exceed 1 where the GPS cut corners the route goes round; null with no
    -- match or no GPS length.
    matched_share     double precision CHECK (matched_share >= 0),
    -- Sampled fixes within maxDistanceMeters of a road (whose nearest road is of the class), and their share of
    -- sampled_points.
    near_points       integer          NOT NULL CHECK (near_points BETWEEN 0 AND sampled_points),
    near_road_share   double precision NOT NULL CHECK (near_road_share BETWEEN 0 AND 1),
    -- The osm reference load the task read (reference_loads.id; kept as a number, as a load may be pruned later).
    reference_load_id bigint           NOT NULL,
    PRIMARY KEY (user_id, trip_id, road_class),
    CHECK (finished_at >= started_at),
    CHECK ((method = 'map_matching') = (matched_length_m IS NOT NULL))
);

CREATE INDEX road_overlaps_user_started_at ON road_overlaps (user_id, started_at);
