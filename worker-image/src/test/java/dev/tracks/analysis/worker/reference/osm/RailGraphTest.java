package dev.tracks.analysis.worker.reference.osm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rail routes: shortest over the tracks, joined only at shared node ids, without the ways that carry no trains. */
class RailGraphTest {

    private static OsmWay rail(long id, String wayClass, long[] nodes, double[] lats, double[] lons) {
        return new OsmWay(id, Network.RAIL, wayClass, "", 0, Double.NaN, "", nodes, lats, lons);
    }

    /** West line (nodes 1-3) and east line (nodes 11-13) along 47.0, 1 km apart where they face each other. */
    private static List<OsmWay> twoLines() {
        return List.of(
                rail(1, "rail", new long[] {1, 2, 3}, new double[] {47.0, 47.0, 47.0},
                        new double[] {8.0, 8.01, 8.02}),
                rail(2, "rail", new long[] {11, 12, 13}, new double[] {47.0, 47.0, 47.0},
                        new double[] {8.0332, 8.04, 8.05}));
    }

    @Test
    void linesJoinOnlyWhereTheyShareANodeAndDisusedTracksCarryNoTrain() {
        RailGraph apart = RailGraph.of(OsmNetwork.of(1, twoLines(), List.of()));
        assertThat(apart.route(47.0, 8.0, 47.0, 8.05, 100)).isEmpty();

        List<OsmWay> disused = new ArrayList<>(twoLines());
        disused.add(rail(3, "disused", new long[] {3, 11}, new double[] {47.0, 47.0}, new double[] {8.02, 8.0332}));
        assertThat(RailGraph.of(OsmNetwork.of(2, disused, List.of())).route(47.0, 8.0, 47.0, 8.05, 100)).isEmpty();

        // A loop through the north joins them; the shortest path takes it node by node.
        List<OsmWay> joined = new ArrayList<>(twoLines());
        joined.add(rail(4, "light_rail", new long[] {3, 20, 11}, new double[] {47.0, 47.01, 47.0},
                new double[] {8.02, 8.026, 8.0332}));
        Optional<NetworkPath> path = RailGraph.of(OsmNetwork.of(3, joined, List.of()))
                .route(47.0001, 8.0, 47.0, 8.0501, 100);
        assertThat(path).isPresent();
        assertThat(path.get().lons()).containsExactly(8.0, 8.01, 8.02, 8.026, 8.0332, 8.04, 8.05);
        assertThat(path.get().lats()).containsExactly(47.0, 47.0, 47.0, 47.01, 47.0, 47.0, 47.0);
    }

    @Test
    void anEndFartherThanTheSnappingDistanceFromEveryNodeHasNoRoute() {
        RailGraph graph = RailGraph.of(OsmNetwork.of(1, twoLines(), List.of()));
        // 0.002° north of node 1: 222 m.
        assertThat(graph.route(47.002, 8.0, 47.0, 8.02, 200)).isEmpty();
        assertThat(graph.route(47.002, 8.0, 47.0, 8.02, 250)).isPresent();
        assertThat(RailGraph.of(OsmNetwork.of(1, List.of(), List.of())).isEmpty()).isTrue();
        // Start and end at one node: a path of that node alone.
        assertThat(graph.route(47.0, 8.01, 47.0, 8.0101, 100).orElseThrow().lons()).containsExactly(8.01);
    }
}
