package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.worker.routing.NodeHeap;
import java.util.Arrays;

/**
 * Dijkstra (1959) from a point on an edge to points on edges, one search for all targets, as HMM map matching asks
 * between one fix's candidate and all of the next fix's (FMM, Yang & Gidofalvi 2018, precomputes these; one bounded
 * search per candidate costs less here than a table over a whole city). The search starts at both ends of the
 * source's edge (those the profile may leave by) and stops once every target is settled or the cheapest open node
 * costs more than the limit. Each target is reached along its own edge from the end the profile may enter by, or
 * directly along the source's edge when both lie on one. Working arrays are reused between searches (node stamps,
 * a {@link NodeHeap}); a search belongs to one thread.
 */
final class RoadSearch {

    private static final int SOURCE_EDGE = -1;

    private final RoadGraph graph;
    private final double[] cost;
    private final int[] via;
    private final int[] reached;
    private final int[] settled;
    private int stamp;
    private final NodeHeap heap = new NodeHeap();

    private RoadPoint source;
    private RoadPoint[] targets;
    private double[] targetCost;
    /** The graph node each target was reached from, or {@link #SOURCE_EDGE} when along the source's edge. */
    private int[] targetVia;

    RoadSearch(RoadGraph graph) {
        this.graph = graph;
        this.cost = new double[graph.nodes()];
        this.via = new int[graph.nodes()];
        this.reached = new int[graph.nodes()];
        this.settled = new int[graph.nodes()];
    }

    /**
     * The profile's cost from {@code source} to each target (seconds by car, metres otherwise), infinite for a target
     * not reached within {@code limit}. {@link #path} then gives the route to one of them.
     */
    double[] costs(RoadProfile profile, RoadPoint source, RoadPoint[] targets, double limit) {
        start(source, targets);
        int edge = source.edge();
        double length = graph.length(edge);
        for (int i = 0; i < targets.length; i++) {
            RoadPoint target = targets[i];
            if (target.edge() == edge) {
                boolean reverse = target.offsetMeters() < source.offsetMeters();
                if (profile.allows(graph.access(edge), reverse)) {
                    offerTarget(i, profile.cost(Math.abs(target.offsetMeters() - source.offsetMeters()),
                            graph.carSpeedMs(edge)), SOURCE_EDGE);
                }
            }
        }
        if (profile.allows(graph.access(edge), true)) {
            relax(graph.from(edge), profile.cost(source.offsetMeters(), graph.carSpeedMs(edge)), SOURCE_EDGE);
        }
        if (profile.allows(graph.access(edge), false)) {
            relax(graph.to(edge), profile.cost(length - source.offsetMeters(), graph.carSpeedMs(edge)), SOURCE_EDGE);
        }
        while (!heap.isEmpty()) {
            double next = heap.peekCost();
            if (next > limit || next >= worstTarget()) {
                break;
            }
            int node = heap.popNode();
            if (settled[node] == stamp || next > cost[node]) {
                continue;
            }
            settled[node] = stamp;
            reachTargets(profile, node);
            for (int k = graph.firstOut(node); k < graph.firstOut(node + 1); k++) {
                int out = graph.outEdge(k);
                boolean reverse = graph.to(out) == node && graph.from(out) != node;
                if (profile.allows(graph.access(out), reverse)) {
                    relax(reverse ? graph.from(out) : graph.to(out),
                            next + profile.cost(graph.length(out), graph.carSpeedMs(out)), out);
                }
            }
        }
        double[] costs = targetCost.clone();
        for (int i = 0; i < costs.length; i++) {
            if (costs[i] > limit) {
                costs[i] = Double.POSITIVE_INFINITY;
            }
        }
        return costs;
    }

    /** The route to target {@code i} of the last search, edge by edge, from the source's point to the target's. */
    void path(int i, PathSink sink) {
        RoadPoint target = targets[i];
        if (targetVia[i] == SOURCE_EDGE) {
            sink.piece(source.edge(), source.offsetMeters(), target.offsetMeters());
            return;
        }
        int[] edges = new int[8];
        int count = 0;
        int node = targetVia[i];
        while (via[node] != SOURCE_EDGE) {
            if (count == edges.length) {
                edges = Arrays.copyOf(edges, count * 2);
            }
            edges[count++] = via[node];
            node = graph.otherEnd(via[node], node);
        }
        sink.piece(source.edge(), source.offsetMeters(), graph.offsetOf(source.edge(), node));
        for (int k = count - 1; k >= 0; k--) {
            int edge = edges[k];
            double enter = graph.offsetOf(edge, node);
            node = graph.otherEnd(edge, node);
            sink.piece(edge, enter, graph.offsetOf(edge, node));
        }
        sink.piece(target.edge(), graph.offsetOf(target.edge(), node), target.offsetMeters());
    }

    /** Receives a route's pieces: a stretch of an edge between two offsets, backwards when {@code to < from}. */
    interface PathSink {
        void piece(int edge, double from, double to);
    }

    private void start(RoadPoint source, RoadPoint[] targets) {
        this.source = source;
        this.targets = targets;
        this.targetCost = new double[targets.length];
        this.targetVia = new int[targets.length];
        Arrays.fill(targetCost, Double.POSITIVE_INFINITY);
        heap.clear();
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(reached, 0);
            Arrays.fill(settled, 0);
            stamp = 1;
        }
    }

    private double worstTarget() {
        double worst = 0;
        for (double targetCostI : targetCost) {
            worst = Math.max(worst, targetCostI);
        }
        return worst;
    }

    private void offerTarget(int i, double c, int from) {
        if (c < targetCost[i]) {
            targetCost[i] = c;
            targetVia[i] = from;
        }
    }

    /** The targets on edges that end at the settled node: entered from it, if the profile may. */
    private void reachTargets(RoadProfile profile, int node) {
        for (int i = 0; i < targets.length; i++) {
            int edge = targets[i].edge();
            double offset = targets[i].offsetMeters();
            if (graph.from(edge) == node && profile.allows(graph.access(edge), false)) {
                offerTarget(i, cost[node] + profile.cost(offset, graph.carSpeedMs(edge)), node);
            }
            if (graph.to(edge) == node && profile.allows(graph.access(edge), true)) {
                offerTarget(i, cost[node] + profile.cost(graph.length(edge) - offset, graph.carSpeedMs(edge)), node);
            }
        }
    }

    private void relax(int node, double c, int edge) {
        if (reached[node] == stamp && cost[node] <= c) {
            return;
        }
        reached[node] = stamp;
        cost[node] = c;
        via[node] = edge;
        heap.push(c, node);
    }
}
