package dev.tracks.analysis.worker.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.graphhopper.routing.DijkstraBidirectionRef;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-to-many search map matching routes with finds the paths GraphHopper's bidirectional search finds for each
 * pair alone, under the same restrictions on the first and last edge, on a grid with one-way streets.
 */
class CandidateSearchTest {

    private static final RoadGrid GRID = RoadGrid.at(60.17, 24.94, 6, 8, 200);
    private static final RoadGraph ROADS = RoadGraph.of(GRID.network(1));

    @Test
    void eachTargetGetsThePathAPairwiseSearchFinds() {
        Random random = new Random(7);
        int compared = 0;
        int found = 0;
        for (int round = 0; round < 40; round++) {
            List<Snap> snaps = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // Points near the streets, some on crossings (tower snaps), most between them (virtual nodes).
                double row = random.nextInt(6) + (random.nextBoolean() ? 0 : random.nextDouble() * 0.2);
                double column = random.nextInt(8) + (random.nextBoolean() ? random.nextDouble() : 0);
                snaps.add(ROADS.index().findClosest(GRID.lat(Math.min(row, 5)), GRID.lon(Math.min(column, 7)),
                        ROADS.weighting(RoadProfile.ANY).snapFilter()));
            }
            QueryGraph query = QueryGraph.create(ROADS.graph(), snaps);
            Weighting weighting = query.wrapWeighting(ROADS.weighting(RoadProfile.CAR));
            List<Snap> from = snaps.subList(0, 3);
            List<Snap> to = snaps.subList(3, 6);
            int[] toNodes = to.stream().mapToInt(Snap::getClosestNode).toArray();
            for (int[] toInEdges : restrictions(query, toNodes)) {
                for (Snap start : from) {
                    for (int fromOutEdge : edgesAt(query, start.getClosestNode())) {
                        List<Path> paths = new CandidateSearch(query, weighting).calcPaths(start.getClosestNode(),
                                fromOutEdge, toNodes, toInEdges);
                        for (int i = 0; i < toNodes.length; i++) {
                            Path pairwise = new DijkstraBidirectionRef(query, weighting, TraversalMode.EDGE_BASED)
                                    .calcPath(start.getClosestNode(), toNodes[i], fromOutEdge, toInEdges[i]);
                            assertThat(paths.get(i).isFound()).as("found, round %d", round)
                                    .isEqualTo(pairwise.isFound());
                            if (pairwise.isFound()) {
                                assertThat(paths.get(i).getWeight()).isCloseTo(pairwise.getWeight(), within(1e-6));
                                assertThat(paths.get(i).getDistance()).isCloseTo(pairwise.getDistance(),
                                        within(1e-6));
                                found++;
                            }
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(found).isGreaterThan(compared / 2);
    }

    /** Targets reached by any edge, and by one of the edges at each (as a candidate on a directed edge is). */
    private static List<int[]> restrictions(QueryGraph query, int[] toNodes) {
        int[] any = new int[toNodes.length];
        int[] first = new int[toNodes.length];
        for (int i = 0; i < toNodes.length; i++) {
            any[i] = EdgeIterator.ANY_EDGE;
            List<Integer> edges = edgesAt(query, toNodes[i]);
            first[i] = edges.get(edges.size() - 1);
        }
        return List.of(any, first);
    }

    /** No restriction, then each edge at the node. */
    private static List<Integer> edgesAt(QueryGraph query, int node) {
        List<Integer> edges = new ArrayList<>(List.of(EdgeIterator.ANY_EDGE));
        EdgeIterator iterator = query.createEdgeExplorer().setBaseNode(node);
        while (iterator.next()) {
            edges.add(iterator.getEdge());
        }
        return edges;
    }
}
