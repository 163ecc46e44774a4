package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.reference.osm.RailGraph;
import dev.tracks.analysis.worker.roads.RoadGraph;
import dev.tracks.analysis.worker.roads.RoadProfile;
import java.util.Optional;

/**
 * The routable networks of the OSM load a task resolved at its start, or none: the rails as a {@link RailGraph}, the
 * roads as a {@link RoadGraph}. The network is optional for trajectory_completion: without a load, rail and
 * road gaps get straight lines (recorded as such), flights their great circle.
 */
final class Networks {

    static final Networks NONE = new Networks(null, null, null);

    private final Long loadId;
    private final RailGraph rail;
    private final RoadGraph road;

    private Networks(Long loadId, RailGraph rail, RoadGraph road) {
        this.loadId = loadId;
        this.rail = rail;
        this.road = road;
    }

    static Networks of(OsmNetwork network) {
        return new Networks(network.loadId(), RailGraph.of(network), RoadGraph.of(network));
    }

    /** The load routed on, null when none is loaded. */
    Long loadId() {
        return loadId;
    }

    /**
     * The route of a rail or road gap from the first fix through the network to the last, or empty when there is no
     * network or it does not reach both ends within {@code maxSnapMeters}.
     *
     * @param profile how a road route may go (car roads in their direction, or any road both ways)
     */
    Optional<GapPath.Route> route(GapMethod method, RoadProfile profile, double lat1, double lon1, double lat2,
                                  double lon2, double maxSnapMeters) {
        if (method == GapMethod.RAIL && rail != null) {
            return rail.route(lat1, lon1, lat2, lon2, maxSnapMeters)
                    .map(path -> through(lat1, lon1, path.lats(), path.lons(), lat2, lon2));
        }
        if (method == GapMethod.ROAD && road != null) {
            return road.route(profile, lat1, lon1, lat2, lon2)
                    .filter(path -> Geodesy.distanceMeters(lat1, lon1, path.lats()[0], path.lons()[0])
                            <= maxSnapMeters && Geodesy.distanceMeters(lat2, lon2, path.lats()[path.size() - 1],
                            path.lons()[path.size() - 1]) <= maxSnapMeters)
                    .map(path -> through(lat1, lon1, path.lats(), path.lons(), lat2, lon2));
        }
        return Optional.empty();
    }

    /** The first fix, the network's vertices, the last fix. */
    private static GapPath.Route through(double lat1, double lon1, double[] pathLats, double[] pathLons, double lat2,
                                         double lon2) {
        int count = pathLats.length + 2;
        double[] lats = new double[count];
        double[] lons = new double[count];
        lats[0] = lat1;
        lons[0] = lon1;
        System.arraycopy(pathLats, 0, lats, 1, count - 2);
        System.arraycopy(pathLons, 0, lons, 1, count - 2);
        lats[count - 1] = lat2;
        lons[count - 1] = lon2;
        return GapPath.Route.through(lats, lons);
    }
}
