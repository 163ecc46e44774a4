package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.osm.OsmWay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edges of road ways: a graph node where ways meet (share a node id) or end, an edge with its shape between two
 * of them, a closed way split at its middle. Two passes over the ways, one to count and one to fill, so every array is
 * allocated once at its size; the OSM ids of graph nodes are a sorted array searched by bisection.
 */
final class RoadGraphBuilder {

    final double[] nodeLats;
    final double[] nodeLons;
    final int[] edgeFrom;
    final int[] edgeTo;
    final byte[] edgeAccess;
    final float[] edgeCarSpeedMs;
    final String[] edgeClass;
    final RoadShapes shapes;

    /** OSM ids of the nodes where ways meet or end, ascending: graph node i is graphIds[i]. */
    private final long[] graphIds;
    /** Graph nodes at the middles of closed ways, after those of {@link #graphIds}, by OSM id. */
    private final Map<Long, Integer> loopMiddles = new HashMap<>();
    private final int[] shapeStart;
    private final double[] shapeLats;
    private final double[] shapeLons;
    private int edges;
    private int points;

    RoadGraphBuilder(List<OsmWay> ways) {
        graphIds = meetingNodes(ways);
        List<List<int[]>> edgesOfWays = new ArrayList<>(ways.size());
        int loops = 0;
        for (OsmWay way : ways) {
            List<int[]> edgesOfWay = edges(way);
            edgesOfWays.add(edgesOfWay);
            for (int[] edge : edgesOfWay) {
                edges++;
                points += edge[1] - edge[0] + 1;
                loops += edge[2];
            }
        }
        nodeLats = new double[graphIds.length + loops];
        nodeLons = new double[nodeLats.length];
        edgeFrom = new int[edges];
        edgeTo = new int[edges];
        edgeAccess = new byte[edges];
        edgeCarSpeedMs = new float[edges];
        edgeClass = new String[edges];
        shapeStart = new int[edges + 1];
        shapeLats = new double[points];
        shapeLons = new double[points];
        edges = 0;
        points = 0;
        for (int w = 0; w < ways.size(); w++) {
            OsmWay way = ways.get(w);
            int access = RoadRules.access(way);
            float speed = (float) (RoadRules.carSpeedKmh(way.wayClass(), way.maxSpeedKmh()) / 3.6);
            String roadClass = RoadRules.roadClass(way.wayClass()).intern();
            for (int[] edge : edgesOfWays.get(w)) {
                edgeFrom[edges] = node(way, edge[0]);
                edgeTo[edges] = node(way, edge[1]);
                edgeAccess[edges] = (byte) access;
                edgeCarSpeedMs[edges] = speed;
                edgeClass[edges] = roadClass;
                shapeStart[edges++] = points;
                for (int i = edge[0]; i <= edge[1]; i++) {
                    shapeLats[points] = way.lats()[i];
                    shapeLons[points++] = way.lons()[i];
                }
            }
        }
        shapeStart[edges] = points;
        shapes = new RoadShapes(shapeStart, shapeLats, shapeLons);
    }

    int edges() {
        return edges;
    }

    /** The OSM nodes used twice or more (a way's ends count twice), ascending. */
    private static long[] meetingNodes(List<OsmWay> ways) {
        int uses = 0;
        for (OsmWay way : ways) {
            uses += way.size() + 2;
        }
        long[] ids = new long[uses];
        int count = 0;
        for (OsmWay way : ways) {
            long[] nodeIds = way.nodeIds();
            System.arraycopy(nodeIds, 0, ids, count, nodeIds.length);
            count += nodeIds.length;
            ids[count++] = nodeIds[0];
            ids[count++] = nodeIds[nodeIds.length - 1];
        }
        Arrays.sort(ids);
        int kept = 0;
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1] && (kept == 0 || ids[kept - 1] != ids[i])) {
                ids[kept++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, kept);
    }

    /**
     * The way's edges in order, each as {first index, last index, 1 when its last node is a closed way's middle else
     * 0}: a stretch between graph nodes; a closed stretch (it ends where it starts) as two through its middle node,
     * dropped when it has no node between.
     */
    private List<int[]> edges(OsmWay way) {
        long[] ids = way.nodeIds();
        List<int[]> edges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < ids.length; i++) {
            if (Arrays.binarySearch(graphIds, ids[i]) < 0) {
                continue;
            }
            if (ids[start] != ids[i]) {
                edges.add(new int[] {start, i, 0});
            } else if (i - start >= 2) {
                int middle = (start + i) / 2;
                edges.add(new int[] {start, middle, 1});
                edges.add(new int[] {middle, i, 0});
            }
            start = i;
        }
        return edges;
    }

    /** The graph node of the way's node {@code i}, its position set on first use. */
    private int node(OsmWay way, int i) {
        long id = way.nodeIds()[i];
        int node = Arrays.binarySearch(graphIds, id);
        if (node < 0) {
            node = loopMiddles.computeIfAbsent(id, middle -> graphIds.length + loopMiddles.size());
        }
        nodeLats[node] = way.lats()[i];
        nodeLons[node] = way.lons()[i];
        return node;
    }
}
