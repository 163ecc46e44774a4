package dev.tracks.analysis.worker.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roads near a point: nearest first, one point per road, a long straight road found from its middle. */
class SegmentIndexTest {

    private static final RoadGrid GRID = RoadGrid.at(60.17, 24.94, 6, 8, 200);
    private static final RoadGraph ROADS = RoadGraph.of(GRID.network(1));

    @Test
    void theCandidatesBesideACrossingAreTheNearestPointOfEachRoadNearestFirst() {
        // 30 m north of crossing (2, 3), on column 3's block between rows 2 and 3.
        RoadPoint[] candidates = ROADS.candidates(GRID.lat(2.15), GRID.lon(3), 200);

        assertThat(candidates).hasSize(RoadGraph.MAX_CANDIDATES);
        assertThat(Arrays.stream(candidates).mapToInt(RoadPoint::edge).distinct().count())
                .isEqualTo(candidates.length);
        assertThat(candidates[0].distanceMeters()).isCloseTo(0, within(0.01));
        // Column 3's block south of the crossing and row 2's blocks west and east of it: the crossing, 30 m away.
        for (int i = 1; i <= 3; i++) {
            assertThat(candidates[i].distanceMeters()).isCloseTo(30, within(0.2));
        }
        for (int i = 1; i < candidates.length; i++) {
            assertThat(candidates[i].distanceMeters()).isGreaterThanOrEqualTo(candidates[i - 1].distanceMeters());
        }
        assertThat(candidates[candidates.length - 1].distanceMeters()).isLessThanOrEqualTo(200);
        assertThat(ROADS.candidates(GRID.lat(2.15), GRID.lon(3), 25)).hasSize(1);
    }

    @Test
    void aLongStraightRoadIsFoundFromItsMiddleAndAcrossTheAntimeridian() {
        double[] end = Geodesy.destination(47.0, 8.0, 90, 5_000);
        OsmWay straight = new OsmWay(1, Network.ROAD, "primary", "Straight", 0, Double.NaN, "", new long[] {1, 2},
                new double[] {47.0, end[0]}, new double[] {8.0, end[1]});
        OsmWay dateLine = new OsmWay(2, Network.ROAD, "primary", "Date line", 0, Double.NaN, "", new long[] {3, 4},
                new double[] {-16.5, -16.5}, new double[] {179.99, -179.99});
        RoadGraph roads = RoadGraph.of(OsmNetwork.of(1, List.of(straight, dateLine), List.of()));

        double[] beside = Geodesy.destination((47.0 + end[0]) / 2, (8.0 + end[1]) / 2, 0, 10);
        assertThat(roads.nearest(beside[0], beside[1], 20)).hasValueSatisfying(road ->
                assertThat(road.distanceMeters()).isCloseTo(10, within(0.1)));
        double[] across = Geodesy.destination(-16.5, 179.999, 180, 15);
        assertThat(roads.nearest(across[0], across[1], 20)).hasValueSatisfying(road ->
                assertThat(road.distanceMeters()).isCloseTo(15, within(0.1)));
        assertThat(roads.nearest(across[0], -179.995, 20)).isPresent();
    }
}
