package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.roads.RoadShapes.PathPoints;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The road ways of an OSM load as a graph in primitive arrays: ways meet where they share a node id (those nodes and
 * the ways' ends become graph nodes, the others the edges' shape), each edge with its length, road class, car speed
 * and who may use it in which direction ({@link RoadRules}), the edges of each node in one compressed adjacency array,
 * the shapes' segments in a grid ({@link SegmentIndex}). It routes between two points ({@link #route}, Dijkstra),
 * map-matches fixes ({@link #match}, Newson & Krumm 2009) and finds the road nearest a point ({@link #nearest}).
 * Written for this rather than taken from GraphHopper, whose graph, location index and per-trip query graphs made
 * building and matching 5 to 10 times slower on the benchmark (docs/benchmarks.md). Built once per task, immutable
 * after; each thread searches with its own working arrays.
 */
public final class RoadGraph {

    /**
     * Candidate roads per fix in map matching, the nearest: on the Helsinki extract as close as all of them and 15
     * times faster; 6 broke one walk of 100 (docs/benchmarks.md).
     */
    static final int MAX_CANDIDATES = 8;

    /** How far {@link #route} looks for the road nearest each end: from 250 m, doubling, up to 16 km. */
    private static final double FIRST_SNAP_METERS = 250;
    private static final double LAST_SNAP_METERS = 16_000;

    private final double[] nodeLats;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final byte[] edgeAccess;
    private final float[] edgeCarSpeedMs;
    private final String[] edgeClass;
    private final RoadShapes shapes;
    private final int[] firstOut;
    private final int[] outEdges;
    private final SegmentIndex index;
    private final RoadReach reach;
    private final ThreadLocal<RoadSearch> searches = ThreadLocal.withInitial(() -> new RoadSearch(this));

    private RoadGraph(RoadGraphBuilder built, RoadReach reach) {
        this.nodeLats = built.nodeLats;
        this.edgeFrom = built.edgeFrom;
        this.edgeTo = built.edgeTo;
        this.edgeAccess = built.edgeAccess;
        this.edgeCarSpeedMs = built.edgeCarSpeedMs;
        this.edgeClass = built.edgeClass;
        this.shapes = built.shapes;
        this.reach = reach;
        this.firstOut = new int[nodeLats.length + 1];
        for (int edge = 0; edge < edgeFrom.length; edge++) {
            firstOut[edgeFrom[edge] + 1]++;
            firstOut[edgeTo[edge] + 1]++;
        }
        Arrays.parallelPrefix(firstOut, Integer::sum);
        this.outEdges = new int[firstOut[nodeLats.length]];
        int[] filled = Arrays.copyOf(firstOut, nodeLats.length);
        for (int edge = 0; edge < edgeFrom.length; edge++) {
            outEdges[filled[edgeFrom[edge]]++] = edge;
            outEdges[filled[edgeTo[edge]]++] = edge;
        }
        this.index = SegmentIndex.of(shapes);
    }

    /** The graph of the network's road ways that someone may use (rails and closed ways left out). */
    public static RoadGraph of(OsmNetwork network) {
        List<OsmWay> roads = network.ways(Network.ROAD).stream()
                .filter(way -> RoadRules.access(way) != 0)
                .toList();
        return new RoadGraph(new RoadGraphBuilder(roads), RoadReach.of(roads));
    }

    /** Graph nodes: where ways meet or end. */
    public int nodes() {
        return nodeLats.length;
    }

    /** Graph edges: a way between two graph nodes. */
    public int edges() {
        return edgeFrom.length;
    }

    /** The fastest route by car between the roads nearest two points, if both have a road near and one connects them. */
    public Optional<RoadPath> route(double fromLat, double fromLon, double toLat, double toLon) {
        return route(RoadProfile.CAR, fromLat, fromLon, toLat, toLon);
    }

    /**
     * The profile's route between the roads nearest two points (within 16 km), if one connects them: from the point
     * of the road nearest the start to the one nearest the end, with the roads' shape between.
     */
    public Optional<RoadPath> route(RoadProfile profile, double fromLat, double fromLon, double toLat, double toLon) {
        RoadPoint from = snap(profile, fromLat, fromLon);
        RoadPoint to = snap(profile, toLat, toLon);
        if (from == null || to == null) {
            return Optional.empty();
        }
        RoadSearch search = searches.get();
        if (Double.isInfinite(search.costs(profile, from, new RoadPoint[] {to}, Double.POSITIVE_INFINITY)[0])) {
            return Optional.empty();
        }
        PathPoints points = new PathPoints();
        double[] length = new double[1];
        search.path(0, (edge, start, end) -> {
            length[0] += Math.abs(end - start);
            shapes.appendPiece(edge, start, end, points);
        });
        return Optional.of(new RoadPath(points.lats(), points.lons(), length[0]));
    }

    private RoadPoint snap(RoadProfile profile, double lat, double lon) {
        for (double radius = FIRST_SNAP_METERS; radius <= LAST_SNAP_METERS; radius *= 2) {
            if (!reach.within(lat, lon, radius)) {
                continue;
            }
            RoadPoint point = index.nearest(lat, lon, radius, edge -> profile.uses(edgeAccess[edge]));
            if (point != null) {
                return point;
            }
        }
        return null;
    }

    /**
     * The road route of fixes {@code [from, end)} by HMM map matching ({@link HmmMatcher}, Newson & Krumm 2009) over
     * every road open to cars or pedestrians in both directions ({@link RoadProfile#ANY}), of the fixes
     * {@link #sampled} keeps and the {@link #MAX_CANDIDATES} nearest roads of each within the candidate radius; empty
     * when the sequence breaks: a fix without a road within the radius, or no road route between two fixes'
     * candidates.
     *
     * @param sigmaMeters standard deviation of the GPS error (Newson & Krumm: 4.07 m; GraphHopper's default 10 m)
     * @param beta scale of the exponential on |route distance - great-circle distance| between fixes (2.0 in both)
     * @param candidateRadiusMeters how far from a fix its candidate roads may lie (Newson & Krumm: 200 m)
     */
    public Optional<RoadMatch> match(Fixes fixes, int from, int end, double sigmaMeters, double beta,
                                     double candidateRadiusMeters) {
        int[] sampled = sampled(fixes, from, end, sigmaMeters);
        double[] lats = new double[sampled.length];
        double[] lons = new double[sampled.length];
        for (int k = 0; k < sampled.length; k++) {
            lats[k] = fixes.lat(sampled[k]);
            lons[k] = fixes.lon(sampled[k]);
        }
        return new HmmMatcher(this, searches.get()).match(lats, lons, sigmaMeters, beta, candidateRadiusMeters);
    }

    /**
     * The fixes of {@code [from, end)} that map matching uses, as Newson & Krumm sample: the first, each more than 2
     * sigma from the previous one kept, and the last. Through every fix the distance transitions compare routes with
     * would add GPS noise's zig-zag (+75% at 1 Hz and 10 m of noise at city speed) until detours win; and a length
     * through every fix counts a stop's jitter as travel.
     */
    public static int[] sampled(Fixes fixes, int from, int end, double sigmaMeters) {
        int[] kept = new int[end - from];
        int count = 0;
        kept[count++] = from;
        for (int i = from + 1; i < end; i++) {
            int last = kept[count - 1];
            if (i == end - 1 || Geodesy.distanceMeters(fixes.lat(last), fixes.lon(last), fixes.lat(i),
                    fixes.lon(i)) > 2 * sigmaMeters) {
                kept[count++] = i;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** The road nearest a point among those open to anyone, if one lies within {@code maxDistanceMeters}. */
    public Optional<NearestRoad> nearest(double lat, double lon, double maxDistanceMeters) {
        if (!reach.within(lat, lon, maxDistanceMeters)) {
            return Optional.empty();
        }
        RoadPoint point = index.nearest(lat, lon, maxDistanceMeters, edge -> edgeAccess[edge] != 0);
        if (point == null || point.distanceMeters() > maxDistanceMeters) {
            return Optional.empty();
        }
        return Optional.of(new NearestRoad(point.distanceMeters(), edgeClass[point.edge()]));
    }

    /** A road near a point: how far, and its class (an OSM highway value, links as their road). */
    public record NearestRoad(double distanceMeters, String roadClass) {
    }

    /** Map matching's candidates of a fix: the nearest point of each of the nearest roads within the radius. */
    RoadPoint[] candidates(double lat, double lon, double radiusMeters) {
        if (!reach.within(lat, lon, radiusMeters)) {
            return new RoadPoint[0];
        }
        return index.nearestEdges(lat, lon, radiusMeters, MAX_CANDIDATES, edge -> edgeAccess[edge] != 0);
    }

    int from(int edge) {
        return edgeFrom[edge];
    }

    int to(int edge) {
        return edgeTo[edge];
    }

    int otherEnd(int edge, int node) {
        return edgeFrom[edge] == node ? edgeTo[edge] : edgeFrom[edge];
    }

    /** The offset of an end node along the edge: 0 at its first node, its length at its last. */
    double offsetOf(int edge, int node) {
        return edgeFrom[edge] == node ? 0 : shapes.length(edge);
    }

    double length(int edge) {
        return shapes.length(edge);
    }

    int access(int edge) {
        return edgeAccess[edge];
    }

    double carSpeedMs(int edge) {
        return edgeCarSpeedMs[edge];
    }

    String roadClass(int edge) {
        return edgeClass[edge];
    }

    /** Where node {@code node}'s edges start in {@link #outEdge}; {@code firstOut(node + 1)} is where they end. */
    int firstOut(int node) {
        return firstOut[node];
    }

    int outEdge(int k) {
        return outEdges[k];
    }
}
