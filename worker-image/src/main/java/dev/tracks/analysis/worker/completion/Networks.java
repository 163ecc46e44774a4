package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.reference.osm.NetworkPath;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.reference.osm.RailGraph;
import java.util.Optional;

/**
 * The routable networks of the OSM load a task resolved at its start, or none. The network is optional for
 * trajectory_completion: without a load, rail and road gaps get straight lines (recorded as such), flights their great
 * circle. Roads: until the project's GraphHopper road graph is in, a road gap gets a straight line like a gap without
 * a network.
 */
final class Networks {

    static final Networks NONE = new Networks(null, null);

    private final Long loadId;
    private final RailGraph rail;

    private Networks(Long loadId, RailGraph rail) {
        this.loadId = loadId;
        this.rail = rail;
    }

    static Networks of(OsmNetwork network) {
        return new Networks(network.loadId(), RailGraph.of(network));
    }

    /** The load routed on, null when none is loaded. */
    Long loadId() {
        return loadId;
    }

    /**
     * The route of a rail or road gap from the first fix through the network to the last, or empty when there is no
     * network of that kind or it does not reach both ends within {@code maxSnapMeters}.
     */
    Optional<GapPath.Route> route(GapMethod method, double lat1, double lon1, double lat2, double lon2,
                                  double maxSnapMeters) {
        if (method != GapMethod.RAIL || rail == null) {
            return Optional.empty();
        }
        return rail.route(lat1, lon1, lat2, lon2, maxSnapMeters).map(path -> through(lat1, lon1, path, lat2, lon2));
    }

    /** The first fix, the network's vertices, the last fix. */
    private static GapPath.Route through(double lat1, double lon1, NetworkPath path, double lat2, double lon2) {
        int count = path.lats().length + 2;
        double[] lats = new double[count];
        double[] lons = new double[count];
        lats[0] = lat1;
        lons[0] = lon1;
        System.arraycopy(path.lats(), 0, lats, 1, count - 2);
        System.arraycopy(path.lons(), 0, lons, 1, count - 2);
        lats[count - 1] = lat2;
        lons[count - 1] = lon2;
        return GapPath.Route.through(lats, lons);
    }
}
