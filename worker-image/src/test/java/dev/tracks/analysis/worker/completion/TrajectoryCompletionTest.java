package dev.tracks.analysis.worker.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.reference.osm.OsmWay.Network;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.reference.osm.OsmNetwork;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Gaps filled on generated fixes whose answer is known: lines, great circles, rail routes, and gaps left open. */
class TrajectoryCompletionTest {

    private static final long T0 = Instant.parse("2026-05-04T06:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    /** The catalog's defaults. */
    private static final CompletionParams DEFAULTS = new CompletionParams(60, 1440, 50, 350, 300);

    private static CompletionParams spacing(double meters) {
        return new CompletionParams(60, 1440, meters, 350, 300);
    }

    private static Fixes twoFixes(double lat1, double lon1, long durationMillis, double lat2, double lon2) {
        return new Fixes().add(1, T0, lat1, lon1, Double.NaN, Double.NaN)
                .add(2, T0 + durationMillis, lat2, lon2, Double.NaN, Double.NaN);
    }

    private static List<CompletedGap> complete(Fixes fixes, GapModes modes, Networks networks,
                                               CompletionParams params) {
        StreamResult<CompletedGap> result = TrajectoryCompletion.complete(fixes, 0, modes, networks, params);
        assertThat(result.provisional()).isEmpty();
        return result.finals();
    }

    /** Movement segments of one mode that end at the gap's first fix and start at its last. */
    private static GapModes around(Fixes fixes, FineMode mode) {
        long start = fixes.time(0);
        long end = fixes.time(1);
        return new GapModes(List.of(new ModeInterval(start - 10 * MINUTE, start, CoarseMode.MOTORIZED_MOBILITY, mode),
                new ModeInterval(end, end + 10 * MINUTE, CoarseMode.MOTORIZED_MOBILITY, mode)));
    }

    @Test
    void aLinearGapHasFixesEverySpacingAtTheTimesOfConstantSpeed() {
        // 0.01° due north: 1,111.95 m in 10 min; every 400 m a fix: at 400 and 800 m.
        Fixes fixes = twoFixes(47.0, 8.0, 10 * MINUTE, 47.01, 8.0);
        CompletedGap gap = complete(fixes, GapModes.NONE, Networks.NONE, spacing(400)).get(0);

        double length = Geodesy.distanceMeters(47.0, 8.0, 47.01, 8.0);
        assertThat(gap.method()).isEqualTo(GapMethod.LINEAR);
        assertThat(gap.wanted()).isEqualTo(GapMethod.LINEAR);
        assertThat(gap.pathLengthMeters()).isCloseTo(length, within(1e-9));
        assertThat(gap.impliedSpeedKmh()).isCloseTo(length / 1000 * 6, within(1e-9));
        assertThat(gap.lats()).containsExactly(new double[] {47.0 + 0.01 * 400 / length, 47.0 + 0.01 * 800 / length},
                within(1e-12));
        assertThat(gap.lons()).containsExactly(8.0, 8.0);
        assertThat(gap.times()).containsExactly(T0 + Math.round(600_000 * 400 / length),
                T0 + Math.round(600_000 * 800 / length));
        // MovingPandas get_position_at: the position at a time is the linear interpolation of the fixes around it.
        for (int k = 0; k < gap.syntheticCount(); k++) {
            double expectedLat = 47.0 + 0.01 * (gap.times()[k] - T0) / 600_000.0;
            assertThat(gap.lats()[k]).isCloseTo(expectedLat, within(1e-7));
        }
        assertThat(gap.firstFixId()).isEqualTo(1);
        assertThat(gap.lastFixId()).isEqualTo(2);
        assertThat(gap.referenceLoadId()).isNull();
    }

    @Test
    void theDefaultsPutAFixEvery50MetresStrictlyInsideTheGap() {
        Fixes fixes = twoFixes(47.0, 8.0, 10 * MINUTE, 47.01, 8.0);
        CompletedGap gap = complete(fixes, GapModes.NONE, Networks.NONE, DEFAULTS).get(0);

        assertThat(gap.syntheticCount()).isEqualTo(22);
        assertThat(Geodesy.distanceMeters(47.0, 8.0, gap.lats()[0], gap.lons()[0])).isCloseTo(50, within(1e-6));
        for (int k = 1; k < gap.syntheticCount(); k++) {
            assertThat(Geodesy.distanceMeters(gap.lats()[k - 1], gap.lons()[k - 1], gap.lats()[k], gap.lons()[k]))
                    .isCloseTo(50, within(1e-6));
            assertThat(gap.times()[k]).isGreaterThan(gap.times()[k - 1]);
        }
        assertThat(gap.times()[gap.syntheticCount() - 1]).isLessThan(fixes.time(1));
    }

    @Test
    void aFlightGapFollowsTheGreatCircleThroughItsKnownMidpoint() {
        // Zurich to New York JFK in 8 h 30 min (about 740 km/h); one fix at half the length: the great-circle
        // midpoint, by the midpoint formula of the Aviation Formulary: 52.076844 N, 35.501307 W.
        double length = Geodesy.distanceMeters(47.4647, 8.5492, 40.6413, -73.7781);
        Fixes fixes = twoFixes(47.4647, 8.5492, 510 * MINUTE, 40.6413, -73.7781);
        CompletedGap gap = complete(fixes, GapModes.NONE, Networks.NONE, spacing(length / 2 + 1e-3)).get(0);

        assertThat(gap.method()).isEqualTo(GapMethod.GREAT_CIRCLE);
        assertThat(gap.syntheticCount()).isOne();
        assertThat(gap.lats()[0]).isCloseTo(52.076844, within(1e-5));
        assertThat(gap.lons()[0]).isCloseTo(-35.501307, within(1e-5));
        assertThat(gap.times()[0]).isCloseTo(T0 + 255 * MINUTE, within(2L));

        // At the default spacing: 126,000 fixes, each 50 m from the last and on the great circle.
        CompletedGap dense = complete(fixes, GapModes.NONE, Networks.NONE, DEFAULTS).get(0);
        assertThat(dense.syntheticCount()).isEqualTo((int) Math.ceil(length / 50) - 1);
        for (int k = 1; k < dense.syntheticCount(); k += 997) {
            assertThat(Geodesy.distanceMeters(dense.lats()[k - 1], dense.lons()[k - 1], dense.lats()[k],
                    dense.lons()[k])).isCloseTo(50, within(1e-4));
            double fromStart = Geodesy.distanceMeters(47.4647, 8.5492, dense.lats()[k], dense.lons()[k]);
            double toEnd = Geodesy.distanceMeters(dense.lats()[k], dense.lons()[k], 40.6413, -73.7781);
            assertThat(fromStart + toEnd).as("on the great circle").isCloseTo(length, within(1e-3));
        }
    }

    @Test
    void aFlightAcrossTheAntimeridianTakesTheShortWay() {
        // Auckland to Los Angeles in 12 h: east across 180°; midpoint 1.836355 S, 151.091038 W (midpoint formula).
        double length = Geodesy.distanceMeters(-37.0082, 174.7850, 33.9416, -118.4085);
        Fixes fixes = twoFixes(-37.0082, 174.7850, 720 * MINUTE, 33.9416, -118.4085);
        CompletedGap middle = complete(fixes, GapModes.NONE, Networks.NONE, spacing(length / 2 + 1e-3)).get(0);
        assertThat(middle.lats()[0]).isCloseTo(-1.836355, within(1e-5));
        assertThat(middle.lons()[0]).isCloseTo(-151.091038, within(1e-5));

        CompletedGap gap = complete(fixes, GapModes.NONE, Networks.NONE, spacing(10_000)).get(0);
        assertThat(gap.method()).isEqualTo(GapMethod.GREAT_CIRCLE);
        assertThat(boxed(gap.lons())).allSatisfy(lon -> assertThat(lon >= 174.785 || lon <= -118.4085)
                .as("%s is on the short way", lon).isTrue());
        assertThat(boxed(gap.lons())).anySatisfy(lon -> assertThat(lon).isGreaterThan(179.9));
        assertThat(boxed(gap.lons())).anySatisfy(lon -> assertThat(lon).isLessThan(-179.9));
        for (int k = 1; k < gap.syntheticCount(); k++) {
            assertThat(Geodesy.distanceMeters(gap.lats()[k - 1], gap.lons()[k - 1], gap.lats()[k], gap.lons()[k]))
                    .isCloseTo(10_000, within(1e-3));
        }
    }

    @Test
    void antipodalFixesGetTheGreatCircleOverTheNearerPole() {
        // Half the Earth round in 24 h (834 km/h): no single great circle; the path goes over the north pole.
        double length = Math.PI * Geodesy.EARTH_RADIUS_METERS;
        Fixes fixes = twoFixes(10.0, 20.0, 1440 * MINUTE, -10.0, -160.0);
        CompletedGap gap = complete(fixes, GapModes.NONE, Networks.NONE, spacing(length / 4 + 1)).get(0);
        assertThat(gap.method()).isEqualTo(GapMethod.GREAT_CIRCLE);
        // The haversine's asin near 1 is good to a few decimetres here.
        assertThat(gap.pathLengthMeters()).isCloseTo(length, within(1.0));
        assertThat(gap.syntheticCount()).isEqualTo(3);
        assertThat(gap.lats()).containsExactly(new double[] {55.0, 80.0, 35.0}, within(1e-4));
        assertThat(gap.lons()).containsExactly(new double[] {20.0, -160.0, -160.0}, within(1e-6));
    }

    @Test
    void aLinearGapAcrossTheAntimeridianTakesTheShortWay() {
        // A ferry off Fiji: 0.02° of longitude (2.1 km) across 180° in 10 min.
        Fixes fixes = twoFixes(-17.0, 179.99, 10 * MINUTE, -17.0, -179.99);
        CompletedGap gap = complete(fixes, GapModes.NONE, Networks.NONE, spacing(500)).get(0);

        assertThat(gap.method()).isEqualTo(GapMethod.LINEAR);
        assertThat(gap.pathLengthMeters()).isCloseTo(2126, within(1.0));
        assertThat(gap.syntheticCount()).isEqualTo(4);
        assertThat(boxed(gap.lons())).allSatisfy(lon -> assertThat(Math.abs(lon)).isGreaterThan(179.98));
        assertThat(gap.lons()[1]).isCloseTo(179.99 + 0.02 * 1000 / gap.pathLengthMeters(), within(1e-9));
        assertThat(gap.lons()[2]).isCloseTo(-180 + 0.02 * 1500 / gap.pathLengthMeters() - 0.01, within(1e-9));
    }

    /** A rail line in an L, and a street along its diagonal that must not be taken for a rail. */
    private static Networks lShapedRail() {
        return lShaped(Network.RAIL, "rail", Network.ROAD, "primary");
    }

    /** Residential streets in an L, and a rail line along its diagonal that must not be taken for a road. */
    private static Networks lShapedRoad() {
        return lShaped(Network.ROAD, "residential", Network.RAIL, "rail");
    }

    /**
     * An L of two ways meeting at the corner node: 2.2 km north from (47.0, 8.0) to (47.02, 8.0), then 2.3 km east to
     * (47.02, 8.03); a node every 0.002°. And a way of the other network straight from one end to the other.
     */
    private static Networks lShaped(Network network, String wayClass, Network other, String otherClass) {
        int north = 11;
        int east = 16;
        long[] ids = new long[north + east - 1];
        double[] lats = new double[ids.length];
        double[] lons = new double[ids.length];
        for (int i = 0; i < north; i++) {
            ids[i] = 100 + i;
            lats[i] = 47.0 + 0.002 * i;
            lons[i] = 8.0;
        }
        for (int j = 1; j < east; j++) {
            int i = north - 1 + j;
            ids[i] = 100 + i;
            lats[i] = 47.02;
            lons[i] = 8.0 + 0.002 * j;
        }
        OsmWay up = new OsmWay(1, network, wayClass, "", 0, Double.NaN, "",
                Arrays.copyOfRange(ids, 0, north), Arrays.copyOfRange(lats, 0, north),
                Arrays.copyOfRange(lons, 0, north));
        OsmWay across = new OsmWay(2, network, wayClass, "", 0, Double.NaN, "",
                Arrays.copyOfRange(ids, north - 1, ids.length),
                Arrays.copyOfRange(lats, north - 1, ids.length),
                Arrays.copyOfRange(lons, north - 1, ids.length));
        OsmWay diagonal = new OsmWay(3, other, otherClass, "", 0, Double.NaN, "", new long[] {100, 125},
                new double[] {47.0, 47.02}, new double[] {8.0, 8.03});
        return Networks.of(OsmNetwork.of(7, List.of(up, across, diagonal), List.of()));
    }

    @Test
    void aRailGapFollowsTheLineNotTheDiagonal() {
        // From 20 m east of the line's south end to 20 m south of its east end, 6 min (a train at 45 km/h).
        Fixes fixes = twoFixes(47.0, 8.000263, 6 * MINUTE, 47.01982, 8.03);
        CompletedGap gap = complete(fixes, around(fixes, FineMode.RAIL), lShapedRail(), DEFAULTS).get(0);

        assertThat(gap.wanted()).isEqualTo(GapMethod.RAIL);
        assertThat(gap.method()).isEqualTo(GapMethod.RAIL);
        assertThat(gap.referenceLoadId()).isEqualTo(7L);
        assertThat(gap.modeBefore()).isEqualTo(FineMode.RAIL);
        double north = Geodesy.distanceMeters(47.0, 8.0, 47.02, 8.0);
        double east = Geodesy.distanceMeters(47.02, 8.0, 47.02, 8.03);
        assertThat(gap.pathLengthMeters()).isCloseTo(north + east + 20 + 20, within(1.0));
        assertThat(gap.pathLengthMeters()).isGreaterThan(gap.distanceMeters() * 1.3);
        // Every synthetic fix past the snapping legs lies on one arm of the L.
        for (int k = 1; k < gap.syntheticCount() - 1; k++) {
            boolean onNorthArm = Math.abs(gap.lons()[k] - 8.0) < 1e-9;
            boolean onEastArm = Math.abs(gap.lats()[k] - 47.02) < 1e-9;
            assertThat(onNorthArm || onEastArm).as("fix %d at %s, %s", k, gap.lats()[k], gap.lons()[k]).isTrue();
        }
        assertThat(gap.syntheticCount()).isEqualTo((int) Math.ceil(gap.pathLengthMeters() / 50) - 1);
    }

    @Test
    void aRailGapFarFromTheLineOrWithoutANetworkGetsAStraightLineAndSaysSo() {
        // 1 km west of the line: beyond maxSnapMeters (300 m).
        Fixes far = twoFixes(47.0, 7.987, 6 * MINUTE, 47.02, 8.03);
        CompletedGap gap = complete(far, around(far, FineMode.RAIL), lShapedRail(), DEFAULTS).get(0);
        assertThat(gap.wanted()).isEqualTo(GapMethod.RAIL);
        assertThat(gap.method()).isEqualTo(GapMethod.LINEAR);
        assertThat(gap.referenceLoadId()).isNull();
        assertThat(gap.pathLengthMeters()).isEqualTo(gap.distanceMeters());

        Fixes near = twoFixes(47.0, 8.000263, 6 * MINUTE, 47.01982, 8.03);
        CompletedGap unloaded = complete(near, around(near, FineMode.RAIL), Networks.NONE, DEFAULTS).get(0);
        assertThat(unloaded.wanted()).isEqualTo(GapMethod.RAIL);
        assertThat(unloaded.method()).isEqualTo(GapMethod.LINEAR);
    }

    @Test
    void aRoadGapFollowsTheStreetsNotTheDiagonal() {
        // A car beside the gap: the fastest car route through the road graph, along the L.
        Fixes fixes = twoFixes(47.0, 8.000263, 6 * MINUTE, 47.01982, 8.03);
        CompletedGap gap = complete(fixes, around(fixes, FineMode.ROAD_VEHICLE), lShapedRoad(), DEFAULTS).get(0);

        assertThat(gap.wanted()).isEqualTo(GapMethod.ROAD);
        assertThat(gap.method()).isEqualTo(GapMethod.ROAD);
        assertThat(gap.referenceLoadId()).isEqualTo(7L);
        double north = Geodesy.distanceMeters(47.0, 8.0, 47.02, 8.0);
        double east = Geodesy.distanceMeters(47.02, 8.0, 47.02, 8.03);
        assertThat(gap.pathLengthMeters()).isCloseTo(north + east + 20 + 20, within(1.0));
        for (int k = 1; k < gap.syntheticCount() - 1; k++) {
            boolean onNorthStreet = Math.abs(gap.lons()[k] - 8.0) < 1e-6;
            boolean onEastStreet = Math.abs(gap.lats()[k] - 47.02) < 1e-6;
            assertThat(onNorthStreet || onEastStreet).as("fix %d at %s, %s", k, gap.lats()[k], gap.lons()[k])
                    .isTrue();
        }
        // A bicycle takes the streets too (any road, both ways).
        assertThat(complete(fixes, around(fixes, FineMode.BICYCLE), lShapedRoad(), DEFAULTS).get(0).method())
                .isEqualTo(GapMethod.ROAD);
        // Where the L is a rail line and the diagonal a street, the car takes the diagonal street.
        CompletedGap diagonal = complete(fixes, around(fixes, FineMode.ROAD_VEHICLE), lShapedRail(), DEFAULTS).get(0);
        assertThat(diagonal.method()).isEqualTo(GapMethod.ROAD);
        assertThat(diagonal.pathLengthMeters()).isLessThan(Geodesy.distanceMeters(47.0, 8.0, 47.02, 8.03) + 40)
                .isGreaterThan(gap.distanceMeters());
    }

    @Test
    void aLoadWithoutRoadsOrWithoutRailsGivesStraightLinesForThoseGaps() {
        Fixes fixes = twoFixes(47.0, 8.000263, 6 * MINUTE, 47.01982, 8.03);
        OsmWay street = new OsmWay(1, Network.ROAD, "residential", "", 0, Double.NaN, "", new long[] {1, 2},
                new double[] {47.0, 47.02}, new double[] {8.0, 8.0});
        OsmWay track = new OsmWay(1, Network.RAIL, "rail", "", 0, Double.NaN, "", new long[] {1, 2},
                new double[] {47.0, 47.02}, new double[] {8.0, 8.0});
        Networks roadsOnly = Networks.of(OsmNetwork.of(8, List.of(street), List.of()));
        Networks railsOnly = Networks.of(OsmNetwork.of(9, List.of(track), List.of()));
        Networks empty = Networks.of(OsmNetwork.of(10, List.of(), List.of()));
        for (Networks networks : List.of(roadsOnly, empty)) {
            assertThat(complete(fixes, around(fixes, FineMode.RAIL), networks, DEFAULTS).get(0).method())
                    .isEqualTo(GapMethod.LINEAR);
        }
        for (Networks networks : List.of(railsOnly, empty)) {
            assertThat(complete(fixes, around(fixes, FineMode.ROAD_VEHICLE), networks, DEFAULTS).get(0).method())
                    .isEqualTo(GapMethod.LINEAR);
        }
    }

    @Test
    void aRoadGapFarFromTheStreetsGetsAStraightLine() {
        // 1 km west of the north street: the road graph snaps to it, but beyond maxSnapMeters (300 m).
        Fixes far = twoFixes(47.0, 7.987, 6 * MINUTE, 47.02, 8.03);
        CompletedGap gap = complete(far, around(far, FineMode.ROAD_VEHICLE), lShapedRoad(), DEFAULTS).get(0);
        assertThat(gap.wanted()).isEqualTo(GapMethod.ROAD);
        assertThat(gap.method()).isEqualTo(GapMethod.LINEAR);
        assertThat(gap.referenceLoadId()).isNull();
    }

    @Test
    void theMethodFollowsTheImpliedSpeedThenTheModesAround() {
        assertThat(GapMethod.wanted(350, null, null, 350)).isEqualTo(GapMethod.GREAT_CIRCLE);
        assertThat(GapMethod.wanted(349, FineMode.RAIL, FineMode.RAIL, 350)).isEqualTo(GapMethod.RAIL);
        assertThat(GapMethod.wanted(900, FineMode.RAIL, FineMode.RAIL, 350)).isEqualTo(GapMethod.GREAT_CIRCLE);
        assertThat(GapMethod.wanted(20, FineMode.AIRPLANE, FineMode.WALK, 350)).isEqualTo(GapMethod.GREAT_CIRCLE);
        assertThat(GapMethod.wanted(40, FineMode.WALK, FineMode.RAIL, 350)).isEqualTo(GapMethod.RAIL);
        assertThat(GapMethod.wanted(40, FineMode.ROAD_VEHICLE, FineMode.RAIL, 350)).isEqualTo(GapMethod.RAIL);
        assertThat(GapMethod.wanted(40, FineMode.ROAD_VEHICLE, null, 350)).isEqualTo(GapMethod.ROAD);
        assertThat(GapMethod.wanted(12, null, FineMode.BICYCLE, 350)).isEqualTo(GapMethod.ROAD);
        assertThat(GapMethod.wanted(4, FineMode.WALK, FineMode.WALK, 350)).isEqualTo(GapMethod.LINEAR);
        assertThat(GapMethod.wanted(40, null, FineMode.UNKNOWN, 350)).isEqualTo(GapMethod.LINEAR);
    }

    @Test
    void theModesOnEitherSideAreTheSegmentsTheGapEndsAndStarts() {
        GapModes modes = new GapModes(List.of(
                new ModeInterval(0, 100, CoarseMode.SLOW_MOBILITY, FineMode.WALK),
                new ModeInterval(100, 200, CoarseMode.FAST_MOBILITY, FineMode.RAIL),
                new ModeInterval(500, 900, CoarseMode.MOTORIZED_MOBILITY, FineMode.ROAD_VEHICLE)));
        assertThat(modes.endingAt(100)).isEqualTo(FineMode.WALK);
        assertThat(modes.startingAt(100)).isEqualTo(FineMode.RAIL);
        assertThat(modes.endingAt(200)).isEqualTo(FineMode.RAIL);
        assertThat(modes.startingAt(300)).isNull();
        assertThat(modes.startingAt(500)).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(modes.endingAt(500)).isNull();
        assertThat(modes.endingAt(700)).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(GapModes.NONE.endingAt(700)).isNull();
    }

    @Test
    void gapsTooLongTooShortOrTooCloseGetNothing() {
        // 25 h: longer than maxGapMinutes (24 h).
        assertThat(complete(twoFixes(47.0, 8.0, 25 * 60 * MINUTE, 47.01, 8.0), GapModes.NONE, Networks.NONE,
                DEFAULTS)).isEmpty();
        // 40 m apart: closer than spacingMeters (50 m).
        assertThat(complete(twoFixes(47.0, 8.0, 30 * MINUTE, 47.00036, 8.0), GapModes.NONE, Networks.NONE,
                DEFAULTS)).isEmpty();
        // 60 s: not longer than minGapSeconds.
        assertThat(complete(twoFixes(47.0, 8.0, MINUTE, 47.01, 8.0), GapModes.NONE, Networks.NONE, DEFAULTS))
                .isEmpty();
        // Exactly 24 h is still filled.
        assertThat(complete(twoFixes(47.0, 8.0, 24 * 60 * MINUTE, 47.01, 8.0), GapModes.NONE, Networks.NONE,
                DEFAULTS)).hasSize(1);
        // No fixes, one fix.
        assertThat(TrajectoryCompletion.complete(new Fixes(), 0, GapModes.NONE, Networks.NONE, DEFAULTS))
                .isEqualTo(new StreamResult<>(List.of(), List.of(), 0, 0));
        Fixes one = new Fixes().add(1, T0, 47.0, 8.0, Double.NaN, Double.NaN);
        assertThat(TrajectoryCompletion.complete(one, 0, GapModes.NONE, Networks.NONE, DEFAULTS))
                .isEqualTo(new StreamResult<>(List.of(), List.of(), 0, 0));
    }

    @Test
    void chunkedEqualsWhole() {
        Fixes fixes = GappedTrack.days(Instant.ofEpochMilli(T0), 47.0, 8.0, 3, 11);
        // Two fixes at one time after a last gap: the next call must not start between them.
        long end = fixes.time(fixes.size() - 1) + 20 * MINUTE;
        fixes.add(10_001, end, 47.05, 8.05, Double.NaN, Double.NaN).add(10_002, end, 47.05, 8.05, Double.NaN,
                Double.NaN);
        GapModes modes = new GapModes(List.of(new ModeInterval(T0, end,
                CoarseMode.FAST_MOBILITY, FineMode.RAIL)));
        Networks rail = lShapedRail();
        StreamResult<CompletedGap> whole = TrajectoryCompletion.complete(fixes, 0, modes, rail, DEFAULTS);
        assertThat(whole.finals()).hasSize(10);
        assertThat(whole.finals()).extracting(CompletedGap::method).contains(GapMethod.RAIL, GapMethod.LINEAR);

        for (int chunk : new int[] {1, 2, 97, 500, 5000}) {
            List<CompletedGap> chunked = new ArrayList<>();
            Fixes window = new Fixes();
            StreamResult<CompletedGap> last = null;
            int from = 0;
            for (int start = 0; start < fixes.size(); start += chunk) {
                for (int i = start; i < Math.min(fixes.size(), start + chunk); i++) {
                    window.add(fixes, i);
                }
                last = TrajectoryCompletion.complete(window, from, modes, rail, DEFAULTS);
                chunked.addAll(last.finals());
                from = last.resumeIndex() - last.contextIndex();
                window = window.slice(last.contextIndex(), window.size());
            }
            chunked.addAll(last.provisional());
            assertThat(chunked).as("chunks of %d", chunk).isEqualTo(whole.finals());
        }
        assertThat(IntStream.range(0, whole.finals().size()).mapToLong(i -> whole.finals().get(i).startMillis()))
                .isSorted();
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
