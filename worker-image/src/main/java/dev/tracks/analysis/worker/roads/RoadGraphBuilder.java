package dev.tracks.analysis.worker.roads;

import com.carrotsearch.hppc.LongIntHashMap;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.PointList;
import dev.tracks.analysis.reference.osm.OsmWay;
import java.util.List;

/** Adds ways to the graph: a graph node where ways meet or end, an edge with its shape between two of them. */
final class RoadGraphBuilder {

    private static final DistanceCalcEarth EARTH = DistanceCalcEarth.DIST_EARTH;

    private final BaseGraph graph;
    private final NodeAccess nodes;
    private final BooleanEncodedValue carAccess;
    private final BooleanEncodedValue footAccess;
    private final DecimalEncodedValue carSpeed;
    private final EnumEncodedValue<RoadClass> roadClass;
    /** Graph node of each OSM node that is one, by OSM id. */
    private final LongIntHashMap graphNodes = new LongIntHashMap();

    RoadGraphBuilder(BaseGraph graph, BooleanEncodedValue carAccess, BooleanEncodedValue footAccess,
            DecimalEncodedValue carSpeed, EnumEncodedValue<RoadClass> roadClass) {
        this.graph = graph;
        this.nodes = graph.getNodeAccess();
        this.carAccess = carAccess;
        this.footAccess = footAccess;
        this.carSpeed = carSpeed;
        this.roadClass = roadClass;
    }

    void add(List<OsmWay> ways) {
        LongIntHashMap uses = new LongIntHashMap();
        for (OsmWay way : ways) {
            for (long node : way.nodeIds()) {
                uses.addTo(node, 1);
            }
            // A way's ends are graph nodes even when no other way meets them there.
            uses.addTo(way.nodeIds()[0], 1);
            uses.addTo(way.nodeIds()[way.size() - 1], 1);
        }
        for (OsmWay way : ways) {
            int start = 0;
            for (int i = 1; i < way.size(); i++) {
                if (uses.get(way.nodeIds()[i]) > 1) {
                    addEdges(way, start, i);
                    start = i;
                }
            }
        }
    }

    /** The way between nodes {@code start} and {@code end}, both graph nodes; a loop is split at its middle. */
    private void addEdges(OsmWay way, int start, int end) {
        if (way.nodeIds()[start] == way.nodeIds()[end]) {
            if (end - start < 2) {
                return;
            }
            int middle = (start + end) / 2;
            addEdge(way, start, middle);
            addEdge(way, middle, end);
        } else {
            addEdge(way, start, end);
        }
    }

    private void addEdge(OsmWay way, int start, int end) {
        double[] lats = way.lats();
        double[] lons = way.lons();
        PointList shape = new PointList(end - start - 1, false);
        double length = 0;
        for (int i = start + 1; i <= end; i++) {
            length += EARTH.calcDist(lats[i - 1], lons[i - 1], lats[i], lons[i]);
            if (i < end) {
                shape.add(lats[i], lons[i]);
            }
        }
        boolean car = RoadRules.car(way.wayClass(), way.access());
        boolean foot = RoadRules.foot(way.wayClass(), way.access());
        EdgeIteratorState edge = graph.edge(graphNode(way, start), graphNode(way, end))
                .setDistance(length)
                .setWayGeometry(shape)
                .set(carAccess, car && way.oneway() >= 0, car && way.oneway() <= 0)
                .set(footAccess, foot, foot)
                .set(roadClass, RoadRules.roadClass(way.wayClass()));
        edge.set(carSpeed, RoadRules.carSpeedKmh(way.wayClass(), way.maxSpeedKmh()));
    }

    private int graphNode(OsmWay way, int i) {
        long id = way.nodeIds()[i];
        int slot = graphNodes.indexOf(id);
        if (graphNodes.indexExists(slot)) {
            return graphNodes.indexGet(slot);
        }
        int node = graphNodes.size();
        nodes.setNode(node, way.lats()[i], way.lons()[i]);
        graphNodes.indexInsert(slot, id, node);
        return node;
    }
}
