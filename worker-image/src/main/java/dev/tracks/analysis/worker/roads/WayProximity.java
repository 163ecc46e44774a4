package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import java.util.List;

/**
 * Whether a point lies near one of a set of ways (the car roads of a load, its railway tracks): the ways' segments in
 * a {@link SegmentIndex}, each way one shape. Immutable; safe for concurrent lookups.
 */
public final class WayProximity {

    private final SegmentIndex index;
    private final RoadReach reach;

    private WayProximity(List<OsmWay> ways) {
        int[] start = new int[ways.size() + 1];
        for (int w = 0; w < ways.size(); w++) {
            start[w + 1] = start[w] + ways.get(w).size();
        }
        double[] lats = new double[start[ways.size()]];
        double[] lons = new double[lats.length];
        for (int w = 0; w < ways.size(); w++) {
            System.arraycopy(ways.get(w).lats(), 0, lats, start[w], ways.get(w).size());
            System.arraycopy(ways.get(w).lons(), 0, lons, start[w], ways.get(w).size());
        }
        this.index = SegmentIndex.of(new RoadShapes(start, lats, lons));
        this.reach = RoadReach.of(ways);
    }

    /** The ways, whatever their network. */
    public static WayProximity of(List<OsmWay> ways) {
        return new WayProximity(ways);
    }

    /** The network's roads that cars may drive ({@link RoadRules#car}). */
    public static WayProximity carRoads(OsmNetwork network) {
        return new WayProximity(network.ways(Network.ROAD).stream()
                .filter(way -> RoadRules.car(way.wayClass(), way.access())).toList());
    }

    /** True when a way passes within {@code meters} of the point. */
    public boolean near(double lat, double lon, double meters) {
        return reach.within(lat, lon, meters) && index.nearest(lat, lon, meters, way -> true) != null;
    }

    /** True when the point lies within {@code meters} of the box of the ways: where they could have been mapped. */
    public boolean covers(double lat, double lon, double meters) {
        return reach.within(lat, lon, meters);
    }
}
