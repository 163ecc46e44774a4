-- Roads and rails of an OpenStreetMap extract (tracks-worker reference load osm --file x.osm.pbf): the ways that
-- carry highway=* (network 'road', footways and paths included: people walk) or a railway=* track (network 'rail':
-- rail, light_rail, subway, tram, narrow_gauge, monorail, funicular), each with its nodes' ids and positions so that
-- readers can join ways at shared nodes into a graph, and the railway stations and stops. A way tagged both (a tram
-- on a street) is one row per network. Rows carry their load's id as admin_areas and places do (see V45).
ALTER TABLE reference_loads DROP CONSTRAINT reference_loads_kind_check;
ALTER TABLE reference_loads ADD CONSTRAINT reference_loads_kind_check CHECK (kind IN ('admin', 'places', 'osm'));

CREATE TABLE osm_ways (
    -- The load the way belongs to; deleting a load (prune) deletes its ways.
    load_id       bigint             NOT NULL REFERENCES reference_loads (id) ON DELETE CASCADE,
    network       text               NOT NULL CHECK (network IN ('road', 'rail')),
    -- The OSM way id.
    way_id        bigint             NOT NULL,
    -- The highway=* value for a road (motorway, residential, footway, ...), the railway=* value for a rail.
    class         text               NOT NULL,
    -- The name=* tag; empty when the way has none.
    name          text               NOT NULL,
    -- Direction of travel allowed: 1 along the node order only, -1 against it only, 0 both (from oneway=*,
    -- junction=roundabout, and highway=motorway implying oneway as OSM documents).
    oneway        smallint           NOT NULL CHECK (oneway IN (-1, 0, 1)),
    -- maxspeed=* in km/h when it is a number (mph converted); null when absent or not numeric (e.g. "signals").
    max_speed_kmh real               CHECK (max_speed_kmh > 0),
    -- The access=* tag ('' when absent): private and no ways are kept, so that readers decide.
    access        text               NOT NULL,
    -- The way's nodes in order: OSM node ids and WGS 84 positions, at least two, all three arrays equally long.
    node_ids      bigint[]           NOT NULL,
    lats          double precision[] NOT NULL,
    lons          double precision[] NOT NULL,
    -- Bounding box of the nodes in degrees, for readers that want only a region.
    min_lat       double precision   NOT NULL,
    min_lon       double precision   NOT NULL,
    max_lat       double precision   NOT NULL,
    max_lon       double precision   NOT NULL,
    CHECK (cardinality(node_ids) >= 2 AND cardinality(lats) = cardinality(node_ids)
           AND cardinality(lons) = cardinality(node_ids)),
    -- Readers read one load whole, by load_id.
    PRIMARY KEY (load_id, network, way_id)
);
COMMENT ON TABLE osm_ways IS 'Road and rail ways of each osm load (see reference_loads).';

CREATE TABLE osm_stations (
    load_id bigint           NOT NULL REFERENCES reference_loads (id) ON DELETE CASCADE,
    -- The OSM node id.
    node_id bigint           NOT NULL,
    -- railway=station, halt or tram_stop, or public_transport=station (stored as 'station') on a node.
    kind    text             NOT NULL CHECK (kind IN ('station', 'halt', 'tram_stop')),
    -- The name=* tag; empty when the node has none.
    name    text             NOT NULL,
    lat     double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon     double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    PRIMARY KEY (load_id, node_id)
);
COMMENT ON TABLE osm_stations IS 'Railway stations, halts and tram stops of each osm load (see reference_loads).';
