package dev.tracks.analysis.worker.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Routes, map matches and nearest roads on a synthetic grid whose answers are known. */
class RoadGraphTest {

    private static final RoadGrid GRID = RoadGrid.at(60.17, 24.94, 6, 8, 200);
    private static final RoadGraph ROADS = RoadGraph.of(GRID.network(1));

    @Test
    void crossingsAndWayEndsBecomeNodesAndEachBlockAnEdge() {
        // 6 x 8 crossings; 6 rows of 7 blocks and 8 columns of 5 blocks; the private road and the railway are left out.
        assertThat(ROADS.nodes()).isEqualTo(48);
        assertThat(ROADS.edges()).isEqualTo(6 * 7 + 8 * 5);
    }

    @Test
    void routesAlongTheStreetsWithTheirLength() {
        RoadPath path = ROADS.route(GRID.lat(0), GRID.lon(0), GRID.lat(3), GRID.lon(5)).orElseThrow();
        // Manhattan distance: 5 blocks east and 3 north.
        assertThat(path.lengthMeters()).isCloseTo(8 * 200, Percentage.withPercentage(0.5));
        assertThat(path.lats()[0]).isCloseTo(GRID.lat(0), within(1e-6));
        assertThat(path.lons()[path.size() - 1]).isCloseTo(GRID.lon(5), within(1e-6));
        double along = 0;
        for (int i = 1; i < path.size(); i++) {
            along += Geodesy.distanceMeters(path.lats()[i - 1], path.lons()[i - 1], path.lats()[i], path.lons()[i]);
        }
        assertThat(along).isCloseTo(path.lengthMeters(), Percentage.withPercentage(0.5));
    }

    @Test
    void carsKeepToTheOneWayStreetsDirectionAndPedestriansDoNot() {
        // Along column 1 from row 4 south to row 1: against its one-way direction.
        double fromLat = GRID.lat(4);
        double toLat = GRID.lat(1);
        double lon = GRID.lon(1);
        RoadPath walk = ROADS.route(RoadProfile.FOOT, fromLat, lon, toLat, lon).orElseThrow();
        RoadPath drive = ROADS.route(RoadProfile.CAR, fromLat, lon, toLat, lon).orElseThrow();
        RoadPath northbound = ROADS.route(RoadProfile.CAR, toLat, lon, fromLat, lon).orElseThrow();
        assertThat(walk.lengthMeters()).isCloseTo(600, Percentage.withPercentage(0.5));
        assertThat(northbound.lengthMeters()).isCloseTo(600, Percentage.withPercentage(0.5));
        // The car goes round a block: one block west or east, three south, one back.
        assertThat(drive.lengthMeters()).isCloseTo(1000, Percentage.withPercentage(0.5));
    }

    @Test
    void aPrivateRoadAndARailwayCarryNoRoute() {
        // The private road leads 600 m west of the grid; the railway runs there too: nothing reaches that point.
        RoadPath path = ROADS.route(RoadProfile.FOOT, GRID.lat(0), GRID.lon(-3), GRID.lat(0), GRID.lon(2))
                .orElseThrow();
        // The start snaps to the grid's western end instead.
        assertThat(path.lons()[0]).isCloseTo(GRID.lon(0), within(1e-6));
        assertThat(path.lengthMeters()).isCloseTo(400, Percentage.withPercentage(0.5));
    }

    @Test
    void matchesNoisyFixesToTheRouteTheyFollowed() {
        // 1 km east along the primary row 0, then 500 m north along column 5 (ending between two crossings), fixes
        // every ~14 m with 10 m of GPS noise.
        Fixes fixes = SyntheticTrack.startingAt(Instant.parse("2026-05-01T08:00:00Z"), GRID.lat(0), GRID.lon(0), 7)
                .sampleEvery(Duration.ofSeconds(1)).moveNoise(10)
                .move(90, 1000, 50).move(0, 500, 50).fixes();
        RoadMatch match = ROADS.match(fixes, 0, fixes.size(), 50, 2, 200).orElseThrow();
        assertThat(match.lengthMeters()).isCloseTo(1500, Percentage.withPercentage(3));
        assertThat(match.lengthByClass()).containsOnlyKeys("primary", "residential");
        assertThat(match.lengthByClass().get("primary")).isCloseTo(1000, Percentage.withPercentage(3));
        assertThat(match.lengthByClass().get("residential")).isCloseTo(500, Percentage.withPercentage(5));
    }

    @Test
    void aSequenceFarFromEveryRoadBreaks() {
        Fixes fixes = new Fixes();
        fixes.add(1, 0, GRID.lat(0), GRID.lon(0), Double.NaN, Double.NaN);
        fixes.add(2, 1_000, GRID.lat(0) + 0.3, GRID.lon(0), Double.NaN, Double.NaN);
        fixes.add(3, 2_000, GRID.lat(0) + 0.301, GRID.lon(0), Double.NaN, Double.NaN);
        assertThat(ROADS.match(fixes, 0, 3, 50, 2, 200)).isEmpty();
    }

    @Test
    void findsTheNearestRoadAndItsClass() {
        double[] beside = Geodesy.destination(GRID.lat(0), GRID.lon(2.5), 180, 30);
        RoadGraph.NearestRoad road = ROADS.nearest(beside[0], beside[1], 50).orElseThrow();
        assertThat(road.distanceMeters()).isCloseTo(30, within(0.5));
        assertThat(road.roadClass()).isEqualTo("primary");
        assertThat(ROADS.nearest(beside[0], beside[1], 25)).isEmpty();
        // Beyond the grid's last column, and a city far from the extract (answered without searching the index).
        double[] east = Geodesy.destination(GRID.lat(2), GRID.lon(7), 90, 40);
        assertThat(ROADS.nearest(east[0], east[1], 50)).hasValueSatisfying(near ->
                assertThat(near.distanceMeters()).isCloseTo(40, within(0.5)));
        assertThat(ROADS.nearest(east[0], east[1], 35)).isEmpty();
        assertThat(ROADS.nearest(39.9, 116.4, 200)).isEmpty();
    }
}
