package dev.tracks.analysis.reference.osm;

/**
 * A small OSM extract with a known answer (see the constants), near 60.00 N 25.00 E: a 3 x 3 grid of streets
 * (nodes 1..9, 111 m between rows, 111 m between columns) with a one-way street and one against its node order, a
 * roundabout, a motorway and its link, a footway, a rail line with a station and a halt at its ends, a tram on a
 * street (one way tagged highway and railway: a row in each network) with a tram stop, a way clipped at the extract's
 * border and one clipped away, and ways that are not kept (a proposed road, an abandoned railway, a pedestrian area,
 * a building), and stations that are not (a bus station).
 */
public final class SyntheticOsmNetwork {

    /** Road rows: the grid's six streets, the roundabout, the motorway and its link, the footway, the tram street and
     *  the clipped street. */
    public static final long[] ROAD_WAYS = {101, 102, 103, 104, 105, 106, 110, 120, 121, 130, 150, 160};
    /** Rail rows: the rail line and the tram street. */
    public static final long[] RAIL_WAYS = {140, 150};
    /** Station nodes: Central (station), Harbour (halt), Airport (public_transport=station, train=yes), Square
     *  (tram_stop). */
    public static final long[] STATIONS = {50, 53, 54, 56};
    /** Way 160 runs over nodes 70..75, of which 72 is not in the extract: the longer run 73, 74, 75 is kept. */
    public static final long[] CLIPPED_NODES = {73, 74, 75};

    private SyntheticOsmNetwork() {
    }

    /** Latitude of grid row {@code row} (0..2). */
    public static double gridLat(int row) {
        return 60.0 + row * 0.001;
    }

    /** Longitude of grid column {@code column} (0..2). */
    public static double gridLon(int column) {
        return 25.0 + column * 0.002;
    }

    public static SyntheticOsmPbf extract() {
        SyntheticOsmPbf pbf = new SyntheticOsmPbf();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                pbf.node(1 + row * 3L + column, gridLat(row), gridLon(column));
            }
        }
        pbf.node(20, 60.005, 25.010).node(21, 60.0055, 25.011).node(22, 60.005, 25.012).node(23, 60.0045, 25.011);
        pbf.node(30, 60.010, 25.000).node(31, 60.010, 25.010).node(32, 60.010, 25.020).node(33, 60.009, 25.021);
        pbf.node(40, 59.999, 25.005);
        pbf.node(50, 60.020, 25.000, "railway=station", "name=Central", "public_transport=station")
                .node(51, 60.020, 25.010).node(52, 60.020, 25.020)
                .node(53, 60.020, 25.030, "railway=halt", "name=Harbour");
        pbf.plainNode(54, 60.030, 25.040, "public_transport=station", "train=yes", "name=Airport");
        pbf.node(55, 60.031, 25.041, "public_transport=station", "bus=yes", "name=Bus Terminal");
        pbf.node(56, 60.0015, 25.005, "railway=tram_stop", "name=Square").node(60, 60.003, 25.006);
        pbf.node(70, 60.040, 25.000).node(71, 60.040, 25.001).node(73, 60.040, 25.003).node(74, 60.040, 25.004)
                .node(75, 60.040, 25.005);
        pbf.node(81, 60.050, 25.000);
        pbf.node(90, 60.060, 25.000).node(91, 60.060, 25.001).node(92, 60.061, 25.001);

        pbf.way(101, ids(1, 2, 3), "highway=residential", "name=First Street", "maxspeed=30")
                .way(102, ids(4, 5, 6), "highway=residential", "name=Second Street", "oneway=yes")
                .way(103, ids(7, 8, 9), "highway=residential", "name=Third Street", "maxspeed=20 mph")
                .way(104, ids(1, 4, 7), "highway=tertiary", "name=West Avenue", "maxspeed=signals")
                .way(105, ids(2, 5, 8), "highway=living_street", "oneway=-1")
                .way(106, ids(3, 6, 9), "highway=unclassified", "access=private")
                .way(110, ids(20, 21, 22, 23, 20), "highway=primary", "junction=roundabout")
                .way(120, ids(30, 31, 32), "highway=motorway", "name=Ring I", "maxspeed=120")
                .way(121, ids(32, 33), "highway=motorway_link")
                .way(130, ids(9, 40), "highway=footway")
                .way(140, ids(50, 51, 52, 53), "railway=rail", "name=Coastal Line", "maxspeed=160")
                .way(150, ids(3, 56, 60), "highway=secondary", "railway=tram", "name=Tram Street", "oneway=yes")
                .way(160, ids(70, 71, 72, 73, 74, 75), "highway=residential", "name=Border Road")
                .way(161, ids(80, 81, 82), "highway=residential", "name=Outside Road")
                .way(170, ids(1, 9), "highway=proposed")
                .way(171, ids(90, 91), "railway=abandoned")
                .way(172, ids(90, 91, 92, 90), "highway=pedestrian", "area=yes")
                .way(180, ids(90, 91, 92, 90), "building=yes");
        return pbf;
    }

    private static long[] ids(long... ids) {
        return ids;
    }
}
