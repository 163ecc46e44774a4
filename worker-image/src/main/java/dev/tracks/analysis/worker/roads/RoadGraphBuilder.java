package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.osm.OsmWay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The edges of road ways: a graph node where ways meet (share a node id) or end, an edge with its shape between two
 * of them, a closed way split at its middle. Two passes over the ways, one to count and one to fill, so every array is
 * allocated once at its size; OSM node ids are looked up in a primitive hash table ({@link OsmNodeTable}).
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

    /** How often each OSM node is used, and its graph node once it is one. */
    private final OsmNodeTable osmNodes;
    private final int[] shapeStart;
    private final double[] shapeLats;
    private final double[] shapeLons;
    private int edges;
    private int points;

    RoadGraphBuilder(List<OsmWay> ways) {
        osmNodes = countUses(ways);
        List<List<int[]>> edgesOfWays = new ArrayList<>(ways.size());
        int ends = 0;
        for (OsmWay way : ways) {
            List<int[]> edgesOfWay = edges(way);
            edgesOfWays.add(edgesOfWay);
            for (int[] edge : edgesOfWay) {
                edges++;
                points += edge[1] - edge[0] + 1;
            }
            ends += 2 * edgesOfWay.size();
        }
        // At most two new graph nodes per edge; the arrays are cut to the number used.
        double[] lats = new double[ends];
        double[] lons = new double[ends];
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
                edgeFrom[edges] = node(way, edge[0], lats, lons);
                edgeTo[edges] = node(way, edge[1], lats, lons);
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
        nodeLats = Arrays.copyOf(lats, osmNodes.graphNodes());
        nodeLons = Arrays.copyOf(lons, osmNodes.graphNodes());
    }

    /** How many times the ways use each node, a way's ends counted twice (they are graph nodes). */
    private static OsmNodeTable countUses(List<OsmWay> ways) {
        int uses = 0;
        for (OsmWay way : ways) {
            uses += way.size();
        }
        OsmNodeTable table = new OsmNodeTable(uses);
        for (OsmWay way : ways) {
            long[] ids = way.nodeIds();
            for (long id : ids) {
                table.use(id);
            }
            table.use(ids[0]);
            table.use(ids[ids.length - 1]);
        }
        return table;
    }

    /**
     * The way's edges in order, each as {first index, last index}: a stretch between graph nodes; a closed stretch
     * (it ends where it starts) as two through its middle node, dropped when it has no node between.
     */
    private List<int[]> edges(OsmWay way) {
        long[] ids = way.nodeIds();
        List<int[]> edges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < ids.length; i++) {
            if (osmNodes.uses(ids[i]) < 2) {
                continue;
            }
            if (ids[start] != ids[i]) {
                edges.add(new int[] {start, i});
            } else if (i - start >= 2) {
                int middle = (start + i) / 2;
                edges.add(new int[] {start, middle});
                edges.add(new int[] {middle, i});
            }
            start = i;
        }
        return edges;
    }

    /** The graph node of the way's node {@code i}, its position set on first use. */
    private int node(OsmWay way, int i, double[] lats, double[] lons) {
        int node = osmNodes.graphNode(way.nodeIds()[i]);
        lats[node] = way.lats()[i];
        lons[node] = way.lons()[i];
        return node;
    }
}
