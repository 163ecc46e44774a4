package dev.tracks.analysis.worker.roads;

import com.graphhopper.matching.MapMatching;
import com.graphhopper.matching.MatchResult;
import com.graphhopper.matching.Observation;
import com.graphhopper.routing.DijkstraBidirectionRef;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.routing.ev.VehicleSpeed;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RAMDirectory;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint;
import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The road ways of an OSM load as a GraphHopper 10.2 graph in memory: ways meet where they share a node id (those
 * nodes and the ways' ends become graph nodes, the others the edges' shape), each edge with its length, road class,
 * car speed and who may use it in which direction ({@link RoadRules}). It routes between two points
 * ({@link #route}), map-matches fixes with GraphHopper's HMM map matching after Newson & Krumm 2009 ({@link #match})
 * and finds the road nearest a point ({@link #nearest}). Built once per task; immutable after; each call makes its own
 * query graph, so calls may run concurrently.
 */
public final class RoadGraph {

    /**
     * Candidate roads per fix in map matching, the nearest: on the Helsinki extract as close as all of them and 15
     * times faster; 6 broke one walk of 100 (docs/benchmarks.md).
     */
    static final int MAX_CANDIDATES = 8;

    private final BaseGraph graph;
    private final LocationIndexTree index;
    private final EnumEncodedValue<RoadClass> roadClass;
    private final Map<RoadProfile, RoadWeighting> weightings = new EnumMap<>(RoadProfile.class);
    private final EdgeFilter anyRoad;
    private final RoadReach reach;

    private RoadGraph(BaseGraph graph, RoadReach reach, EnumEncodedValue<RoadClass> roadClass,
                      BooleanEncodedValue carAccess, BooleanEncodedValue footAccess, DecimalEncodedValue carSpeed) {
        this.graph = graph;
        this.reach = reach;
        this.roadClass = roadClass;
        for (RoadProfile profile : RoadProfile.values()) {
            weightings.put(profile, new RoadWeighting(profile, carAccess, footAccess, carSpeed));
        }
        this.anyRoad = weightings.get(RoadProfile.ANY).snapFilter();
        this.index = new LocationIndexTree(graph, new RAMDirectory());
        index.prepareIndex();
    }

    /** The graph of the network's road ways that someone may use (rails and closed ways left out). */
    public static RoadGraph of(OsmNetwork network) {
        BooleanEncodedValue carAccess = VehicleAccess.create("car");
        BooleanEncodedValue footAccess = VehicleAccess.create("foot");
        DecimalEncodedValue carSpeed = VehicleSpeed.create("car", 5, 5, false);
        EnumEncodedValue<RoadClass> roadClass = RoadClass.create();
        EncodingManager encoding = EncodingManager.start().add(carAccess).add(footAccess).add(carSpeed)
                .add(roadClass).build();
        BaseGraph graph = new BaseGraph.Builder(encoding).setDir(new RAMDirectory()).create();
        List<OsmWay> roads = network.ways(Network.ROAD).stream()
                .filter(way -> RoadRules.car(way.wayClass(), way.access())
                        || RoadRules.foot(way.wayClass(), way.access()))
                .toList();
        new RoadGraphBuilder(graph, carAccess, footAccess, carSpeed, roadClass).add(roads);
        return new RoadGraph(graph, RoadReach.of(roads), roadClass, carAccess, footAccess, carSpeed);
    }

    /** Graph nodes: where ways meet or end. */
    public int nodes() {
        return graph.getNodes();
    }

    /** Graph edges: a way between two graph nodes. */
    public int edges() {
        return graph.getEdges();
    }

    /** The fastest route by car between the roads nearest two points, if both have a road near and one connects them. */
    public Optional<RoadPath> route(double fromLat, double fromLon, double toLat, double toLon) {
        return route(RoadProfile.CAR, fromLat, fromLon, toLat, toLon);
    }

    /** The profile's route between the roads nearest two points, if both have a road near and one connects them. */
    public Optional<RoadPath> route(RoadProfile profile, double fromLat, double fromLon, double toLat, double toLon) {
        RoadWeighting weighting = weightings.get(profile);
        Snap from = index.findClosest(fromLat, fromLon, weighting.snapFilter());
        Snap to = index.findClosest(toLat, toLon, weighting.snapFilter());
        if (!from.isValid() || !to.isValid()) {
            return Optional.empty();
        }
        QueryGraph query = QueryGraph.create(graph, from, to);
        Path path = new DijkstraBidirectionRef(query, query.wrapWeighting(weighting), TraversalMode.NODE_BASED)
                .calcPath(from.getClosestNode(), to.getClosestNode());
        if (!path.isFound()) {
            return Optional.empty();
        }
        PointList points = path.calcPoints();
        double[] lats = new double[points.size()];
        double[] lons = new double[points.size()];
        for (int i = 0; i < lats.length; i++) {
            lats[i] = points.getLat(i);
            lons[i] = points.getLon(i);
        }
        return Optional.of(new RoadPath(lats, lons, path.getDistance()));
    }

    /**
     * The road route of fixes {@code [from, end)} by GraphHopper's HMM map matching (Newson & Krumm 2009) over every
     * road open to cars or pedestrians in both directions ({@link RoadProfile#ANY}), of the fixes {@link #sampled}
     * keeps and the {@link #MAX_CANDIDATES} nearest roads of each; empty when the sequence breaks: a fix without a road
     * within 50 sigma, or no road route between two fixes' candidates.
     *
     * @param sigmaMeters standard deviation of the GPS error (Newson & Krumm: 4.07 m; GraphHopper's default 10 m)
     * @param beta scale of the exponential on |route distance - great-circle distance| between fixes (2.0 in both)
     */
    public Optional<RoadMatch> match(Fixes fixes, int from, int end, double sigmaMeters, double beta) {
        int[] sampled = sampled(fixes, from, end, sigmaMeters);
        List<Observation> observations = new ArrayList<>(sampled.length);
        for (int i : sampled) {
            observations.add(new Observation(new GHPoint(fixes.lat(i), fixes.lon(i))));
        }
        MapMatching matching = new NearestCandidates(graph, index, new MatchRouter(weightings.get(RoadProfile.ANY)));
        matching.setMeasurementErrorSigma(sigmaMeters);
        matching.setTransitionProbabilityBeta(beta);
        MatchResult result;
        try {
            result = matching.match(observations);
        } catch (IllegalArgumentException broken) {
            // GraphHopper reports a broken sequence ("Sequence is broken for submitted track at time step ...") so.
            return Optional.empty();
        }
        Map<RoadClass, Double> byClass = new EnumMap<>(RoadClass.class);
        double length = 0;
        for (EdgeIteratorState edge : result.getMergedPath().calcEdges()) {
            length += edge.getDistance();
            byClass.merge(edge.get(roadClass), edge.getDistance(), Double::sum);
        }
        Map<String, Double> lengthByClass = new LinkedHashMap<>();
        byClass.entrySet().stream().sorted(Map.Entry.<RoadClass, Double>comparingByValue().reversed())
                .forEach(entry -> lengthByClass.put(entry.getKey().toString(), entry.getValue()));
        return Optional.of(new RoadMatch(length, lengthByClass));
    }

    /**
     * The fixes of {@code [from, end)} that map matching uses, as Newson & Krumm sample: the first, each more than 2
     * sigma from the previous one kept, and the last. GraphHopper would drop the others itself but add their zig-zag to
     * the distance its transitions compare routes with, which GPS noise inflates (+75% at 1 Hz and 10 m of noise at
     * city speed) until detours win; and a length through every fix counts a stop's jitter as travel.
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
        // GraphHopper's index searches outwards until it finds a road, however far: from a trip in another city
        // than the extract's that is the whole index, per fix.
        if (!reach.within(lat, lon, maxDistanceMeters)) {
            return Optional.empty();
        }
        Snap snap = index.findClosest(lat, lon, anyRoad);
        if (!snap.isValid() || snap.getQueryDistance() > maxDistanceMeters) {
            return Optional.empty();
        }
        return Optional.of(new NearestRoad(snap.getQueryDistance(), snap.getClosestEdge().get(roadClass).toString()));
    }

    /** A road near a point: how far, and its class (an OSM highway value, links as their road). */
    public record NearestRoad(double distanceMeters, String roadClass) {
    }

    /**
     * GraphHopper's matcher with at most {@link #MAX_CANDIDATES} candidate roads per fix, the nearest (it keeps every
     * road within its search box, and routes between every pair of consecutive fixes' candidates: on dense city
     * streets with a 50 m sigma that is dozens of searches per fix).
     */
    private static final class NearestCandidates extends MapMatching {

        NearestCandidates(BaseGraph graph, LocationIndexTree index, Router router) {
            super(graph, index, router);
        }

        @Override
        public List<Snap> findCandidateSnaps(double queryLat, double queryLon) {
            List<Snap> snaps = super.findCandidateSnaps(queryLat, queryLon);
            // GraphHopper returns them nearest first.
            return snaps.size() <= MAX_CANDIDATES ? snaps : snaps.subList(0, MAX_CANDIDATES);
        }
    }

    /** Routes from one fix's candidate to all of the next fix's candidates in one search ({@link CandidateSearch}). */
    private record MatchRouter(RoadWeighting weighting) implements MapMatching.Router {

        @Override
        public EdgeFilter getSnapFilter() {
            return weighting.snapFilter();
        }

        @Override
        public List<Path> calcPaths(QueryGraph queryGraph, int fromNode, int fromOutEdge, int[] toNodes,
                                    int[] toInEdges) {
            return new CandidateSearch(queryGraph, queryGraph.wrapWeighting(weighting)).calcPaths(fromNode,
                    fromOutEdge, toNodes, toInEdges);
        }

        @Override
        public Weighting getWeighting() {
            return weighting;
        }
    }

    /** The graph and the index, for tests that compare searches on them. */
    BaseGraph graph() {
        return graph;
    }

    LocationIndexTree index() {
        return index;
    }

    RoadWeighting weighting(RoadProfile profile) {
        return weightings.get(profile);
    }
}
