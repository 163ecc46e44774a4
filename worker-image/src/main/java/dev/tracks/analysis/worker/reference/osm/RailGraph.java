package dev.tracks.analysis.worker.reference.osm;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.routing.NodeHeap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rail ways of an OSM load as a graph: ways meet where they share a node id; an edge joins consecutive nodes of a
 * way, weighted by its haversine length, usable both ways (oneway tags are rare on rails and matter little for where
 * a train went). Stock GraphHopper imports only highways and ferries, hence a graph of its own, in primitive arrays
 * (compressed adjacency, an array-backed binary heap): {@link #route} is Dijkstra (1959) from the node nearest the
 * start to the node nearest the end, stopping when the end is settled. Ways that carry no trains (abandoned, disused,
 * razed, proposed, under construction, platforms) are left out. Immutable; each route allocates its own working
 * arrays, so threads may share a graph. Snapping is to the nearest node, not the nearest point of an edge: on a
 * straight stretch whose nodes lie farther apart than maxSnapMeters a fix beside the track may find no node.
 */
public final class RailGraph {

    /** railway=* values that are not a track a train can run on. */
    private static final Set<String> NOT_TRACKS = Set.of("abandoned", "disused", "razed", "proposed", "construction",
            "platform", "dismantled");

    private final double[] lats;
    private final double[] lons;
    private final int[] edgeStart;
    private final int[] edgeTarget;
    private final double[] edgeLength;
    /** Node indexes sorted by latitude, for the nearest-node search. */
    private final int[] byLat;
    private final double[] sortedLats;

    private RailGraph(double[] lats, double[] lons, int[] edgeStart, int[] edgeTarget, double[] edgeLength) {
        this.lats = lats;
        this.lons = lons;
        this.edgeStart = edgeStart;
        this.edgeTarget = edgeTarget;
        this.edgeLength = edgeLength;
        Integer[] order = new Integer[lats.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(lats[a], lats[b]));
        this.byLat = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        this.sortedLats = Arrays.stream(byLat).mapToDouble(i -> lats[i]).toArray();
    }

    /** The network's rail ways that trains run on. */
    public static List<OsmWay> tracks(OsmNetwork network) {
        return network.ways(Network.RAIL).stream().filter(way -> !NOT_TRACKS.contains(way.wayClass())).toList();
    }

    /** The graph of the network's rail ways (empty when it has none). */
    public static RailGraph of(OsmNetwork network) {
        List<OsmWay> ways = tracks(network);
        Map<Long, Integer> nodeIndex = new HashMap<>();
        double[] lats = new double[16];
        double[] lons = new double[16];
        int edges = 0;
        for (OsmWay way : ways) {
            for (int i = 0; i < way.size(); i++) {
                int size = nodeIndex.size();
                if (nodeIndex.putIfAbsent(way.nodeIds()[i], size) == null) {
                    if (size == lats.length) {
                        lats = Arrays.copyOf(lats, size * 2);
                        lons = Arrays.copyOf(lons, size * 2);
                    }
                    lats[size] = way.lats()[i];
                    lons[size] = way.lons()[i];
                }
            }
            edges += 2 * (way.size() - 1);
        }
        int nodes = nodeIndex.size();
        int[] from = new int[edges];
        int[] to = new int[edges];
        int[] degree = new int[nodes + 1];
        int e = 0;
        for (OsmWay way : ways) {
            for (int i = 1; i < way.size(); i++) {
                int a = nodeIndex.get(way.nodeIds()[i - 1]);
                int b = nodeIndex.get(way.nodeIds()[i]);
                from[e] = a;
                to[e++] = b;
                from[e] = b;
                to[e++] = a;
                degree[a]++;
                degree[b]++;
            }
        }
        int[] edgeStart = new int[nodes + 1];
        for (int n = 0; n < nodes; n++) {
            edgeStart[n + 1] = edgeStart[n] + degree[n];
        }
        int[] fill = Arrays.copyOf(edgeStart, nodes);
        int[] edgeTarget = new int[edges];
        double[] edgeLength = new double[edges];
        double[] nodeLats = Arrays.copyOf(lats, nodes);
        double[] nodeLons = Arrays.copyOf(lons, nodes);
        for (int k = 0; k < edges; k++) {
            int slot = fill[from[k]]++;
            edgeTarget[slot] = to[k];
            edgeLength[slot] = Geodesy.distanceMeters(nodeLats[from[k]], nodeLons[from[k]], nodeLats[to[k]],
                    nodeLons[to[k]]);
        }
        return new RailGraph(nodeLats, nodeLons, edgeStart, edgeTarget, edgeLength);
    }

    public boolean isEmpty() {
        return lats.length == 0;
    }

    /**
     * The shortest rail path between the nodes nearest to the two positions, or empty when either position is farther
     * than {@code maxSnapMeters} from every rail node or the two nodes are not connected.
     */
    public Optional<NetworkPath> route(double lat1, double lon1, double lat2, double lon2, double maxSnapMeters) {
        int source = nearest(lat1, lon1, maxSnapMeters);
        int target = nearest(lat2, lon2, maxSnapMeters);
        if (source < 0 || target < 0) {
            return Optional.empty();
        }
        int[] previous = shortestPathTree(source, target);
        if (previous == null) {
            return Optional.empty();
        }
        int count = 1;
        for (int n = target; n != source; n = previous[n]) {
            count++;
        }
        double[] pathLats = new double[count];
        double[] pathLons = new double[count];
        int k = count;
        for (int n = target; ; n = previous[n]) {
            k--;
            pathLats[k] = lats[n];
            pathLons[k] = lons[n];
            if (n == source) {
                break;
            }
        }
        return Optional.of(new NetworkPath(pathLats, pathLons));
    }

    /** Dijkstra from source until target is settled: each node's predecessor, or null when target is unreachable. */
    private int[] shortestPathTree(int source, int target) {
        int nodes = lats.length;
        double[] distance = new double[nodes];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        int[] previous = new int[nodes];
        Arrays.fill(previous, -1);
        boolean[] settled = new boolean[nodes];
        NodeHeap heap = new NodeHeap();
        distance[source] = 0;
        heap.push(0, source);
        while (!heap.isEmpty()) {
            int node = heap.popNode();
            if (settled[node]) {
                continue;
            }
            if (node == target) {
                return previous;
            }
            settled[node] = true;
            for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                int next = edgeTarget[e];
                double candidate = distance[node] + edgeLength[e];
                if (candidate < distance[next]) {
                    distance[next] = candidate;
                    previous[next] = node;
                    heap.push(candidate, next);
                }
            }
        }
        return null;
    }

    /** The node nearest to a position within {@code maxMeters}, -1 if none: a scan of the latitude band. */
    private int nearest(double lat, double lon, double maxMeters) {
        double band = Math.toDegrees(maxMeters / Geodesy.EARTH_RADIUS_METERS);
        int from = lowerBound(lat - band);
        int best = -1;
        double bestDistance = maxMeters;
        for (int k = from; k < sortedLats.length && sortedLats[k] <= lat + band; k++) {
            int node = byLat[k];
            double distance = Geodesy.distanceMeters(lat, lon, lats[node], lons[node]);
            if (distance <= bestDistance) {
                best = node;
                bestDistance = distance;
            }
        }
        return best;
    }

    private int lowerBound(double value) {
        int low = 0;
        int high = sortedLats.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sortedLats[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
