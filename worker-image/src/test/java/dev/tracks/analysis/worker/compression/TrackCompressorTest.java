package dev.tracks.analysis.worker.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.ChunkedRun;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * time_space_compression on hand-built trips whose compressions and errors are worked out by hand: a straight line
 * at constant speed, the same line with a change of speed (Douglas-Peucker drops the middle fix, TD-TR keeps it),
 * a stop before a drive (duplicate positions), scikit-mobility's medians, no fixes, one and two fixes, the antimeridian
 * and a pole; long trips; chunked calls equal one call.
 */
class TrackCompressorTest {

    private static final CompressionParams DEFAULTS = SkillParams.defaults(CompressionParams.class);
    private static final double METRES = 1e-3;

    /**
     * Fixes near the equator at {east, north} metres from (0, lon0) and seconds: positions easy to work out by hand,
     * and over a kilometre the trip's plane is exact to well under the millimetre the tests ask.
     */
    private static Fixes onEquator(double lon0, double[][] eastNorthSeconds) {
        Fixes fixes = new Fixes();
        for (int i = 0; i < eastNorthSeconds.length; i++) {
            double[] fix = eastNorthSeconds[i];
            double lat = Math.toDegrees(fix[1] / Geodesy.EARTH_RADIUS_METERS);
            double lon = Geodesy.normalizeLongitude(lon0 + Math.toDegrees(fix[0] / Geodesy.EARTH_RADIUS_METERS));
            fixes.add(i + 1, (long) (fix[2] * 1000), lat, lon, Double.NaN, Double.NaN);
        }
        return fixes;
    }

    private static TrackCompression compress(Fixes fixes, CompressionMethod method) {
        CompressedTrip trip = TrackCompressor.compress(7, fixes, 0, fixes.size(), DEFAULTS);
        assertThat(trip.toleranceMeters()).isEqualTo(200);
        return trip.compressions().stream().filter(c -> c.method() == method).findFirst().orElseThrow();
    }

    /** The compressed fixes' times in seconds. */
    private static List<Long> seconds(TrackCompression compression) {
        return compression.fixes().stream().map(fix -> fix.millis() / 1000).toList();
    }

    /** Metres east of longitude {@code lon0} on the equator. */
    private static double east(CompressedFix fix, double lon0) {
        return Math.toRadians(Geodesy.normalizeLongitude(fix.lon() - lon0)) * Geodesy.EARTH_RADIUS_METERS;
    }

    @Test
    void aStraightLineAtConstantSpeedKeepsOnlyItsEnds() {
        double[][] line = new double[21][];
        for (int i = 0; i < line.length; i++) {
            line[i] = new double[] {30.0 * i, 0, 10.0 * i};
        }
        Fixes fixes = onEquator(10, line);
        for (CompressionMethod method : List.of(CompressionMethod.TD_TR, CompressionMethod.DOUGLAS_PEUCKER)) {
            TrackCompression compression = compress(fixes, method);
            assertThat(seconds(compression)).as(method.name()).containsExactly(0L, 200L);
            assertThat(compression.fixesIn()).isEqualTo(21);
            assertThat(compression.ratio()).isEqualTo(2 / 21.0);
            assertThat(compression.maxSedMeters()).isCloseTo(0, within(METRES));
            assertThat(compression.meanSedMeters()).isCloseTo(0, within(METRES));
            assertThat(compression.fixes().get(0)).isEqualTo(new CompressedFix(0, fixes.lat(0), fixes.lon(0)));
        }
        // scikit-mobility's radius: groups of the fixes within 200 m of their first (0-180 m, 210-390 m, ...): one
        // fix per group at its median (90 m, 300 m, 510 m) and its first fix's time (0, 70, 140 s)
        TrackCompression radius = compress(fixes, CompressionMethod.SKMOB_RADIUS);
        assertThat(seconds(radius)).containsExactly(0L, 70L, 140L);
        assertThat(radius.fixes()).extracting(fix -> east(fix, 10)).satisfiesExactly(
                e -> assertThat(e).isCloseTo(90, within(METRES)),
                e -> assertThat(e).isCloseTo(300, within(METRES)),
                e -> assertThat(e).isCloseTo(510, within(METRES)));
        // the track runs from 90 m at 0 s to 300 m at 70 s to 510 m at 140 s: at 3 m/s, 90 m ahead of every fix of
        // the first two groups; after 140 s it stays at 510 m, 90, 60, 30, 0, 30, 60 and 90 m from the last group's
        assertThat(radius.maxSedMeters()).isCloseTo(90, within(METRES));
        assertThat(radius.meanSedMeters()).isCloseTo((14 * 90 + 360) / 21.0, within(METRES));
    }

    @Test
    void aChangeOfSpeedOnTheLineIsDroppedByDouglasPeuckerAndKeptByTdTr() {
        // 900 m in the first 100 s, 100 m in the next 100 s: at 100 s the constant-speed track is at 500 m
        Fixes fixes = onEquator(10, new double[][] {{0, 0, 0}, {900, 0, 100}, {1000, 0, 200}});

        TrackCompression douglasPeucker = compress(fixes, CompressionMethod.DOUGLAS_PEUCKER);
        assertThat(seconds(douglasPeucker)).containsExactly(0L, 200L);
        assertThat(douglasPeucker.maxSedMeters()).isCloseTo(400, within(METRES));
        assertThat(douglasPeucker.meanSedMeters()).isCloseTo(400, within(METRES));

        TrackCompression tdTr = compress(fixes, CompressionMethod.TD_TR);
        assertThat(seconds(tdTr)).containsExactly(0L, 100L, 200L);
        assertThat(tdTr.ratio()).isEqualTo(1.0);
        assertThat(tdTr.maxSedMeters()).isZero();
    }

    @Test
    void aStopBeforeADriveKeepsTheDepartureForTdTrAndMergesForScikitMobility() {
        // three fixes at the same place (0, 50, 100 s), then 1,000 m east at 200 s
        Fixes fixes = onEquator(10, new double[][] {{0, 0, 0}, {0, 0, 50}, {0, 0, 100}, {1000, 0, 200}});

        // TD-TR: between 0 s and 200 s the track would be at 250 m at 50 s and 500 m at 100 s, so the departure at
        // 100 s is kept; then the fix at 50 s lies on the stop (SED 0) and is dropped.
        TrackCompression tdTr = compress(fixes, CompressionMethod.TD_TR);
        assertThat(seconds(tdTr)).containsExactly(0L, 100L, 200L);
        assertThat(tdTr.maxSedMeters()).isCloseTo(0, within(METRES));
        assertThat(tdTr.meanSedMeters()).isCloseTo(0, within(METRES));

        // Douglas-Peucker: all four on the line; the dropped fixes are 250 and 500 m from where the track is
        TrackCompression douglasPeucker = compress(fixes, CompressionMethod.DOUGLAS_PEUCKER);
        assertThat(seconds(douglasPeucker)).containsExactly(0L, 200L);
        assertThat(douglasPeucker.maxSedMeters()).isCloseTo(500, within(METRES));
        assertThat(douglasPeucker.meanSedMeters()).isCloseTo(375, within(METRES));

        // scikit-mobility: {0, 50, 100 s} at 0 m merged into one fix at 0 s, {200 s} alone; between them the track
        // moves from 0 s, so the stop's fixes are 0, 250 and 500 m off and the last is its own group: mean 187.5
        TrackCompression radius = compress(fixes, CompressionMethod.SKMOB_RADIUS);
        assertThat(seconds(radius)).containsExactly(0L, 200L);
        assertThat(radius.maxSedMeters()).isCloseTo(500, within(METRES));
        assertThat(radius.meanSedMeters()).isCloseTo(187.5, within(METRES));
    }

    @Test
    void scikitMobilityMergesIntoTheMediansOfLatitudeAndLongitude() {
        // Within 200 m of the first fix: (50, 30) at 58 m and (20, -40) at 45 m; (300, 0) starts a group.
        Fixes fixes = onEquator(10, new double[][] {{0, 0, 0}, {50, 30, 10}, {20, -40, 20}, {300, 0, 30}});

        TrackCompression radius = compress(fixes, CompressionMethod.SKMOB_RADIUS);

        // medians east of (0, 50, 20) = 20 and north of (0, 30, -40) = 0, at the first fix's time
        assertThat(seconds(radius)).containsExactly(0L, 30L);
        assertThat(east(radius.fixes().get(0), 10)).isCloseTo(20, within(METRES));
        assertThat(radius.fixes().get(0).lat()).isCloseTo(0, within(1e-12));
        assertThat(east(radius.fixes().get(1), 10)).isCloseTo(300, within(METRES));
        // the track from (20, 0) at 0 s to (300, 0) at 30 s is at 20 + 280 t / 30
        double atZero = 20;
        double atTen = Math.hypot(50 - (20 + 280 / 3.0), 30);
        double atTwenty = Math.hypot(20 - (20 + 560 / 3.0), -40);
        assertThat(radius.maxSedMeters()).isCloseTo(atTwenty, within(METRES));
        assertThat(radius.meanSedMeters()).isCloseTo((atZero + atTen + atTwenty + 0) / 4, within(METRES));
    }

    @Test
    void oneAndTwoFixes() {
        Fixes one = onEquator(10, new double[][] {{0, 0, 0}});
        for (CompressionMethod method : CompressionMethod.values()) {
            TrackCompression compression = compress(one, method);
            assertThat(compression.fixes()).as(method.name())
                    .containsExactly(new CompressedFix(0, one.lat(0), one.lon(0)));
            assertThat(compression.ratio()).isEqualTo(1.0);
            assertThat(compression.maxSedMeters()).isZero();
        }

        Fixes two = onEquator(10, new double[][] {{0, 0, 0}, {100, 0, 60}});
        for (CompressionMethod method : List.of(CompressionMethod.TD_TR, CompressionMethod.DOUGLAS_PEUCKER)) {
            TrackCompression compression = compress(two, method);
            assertThat(seconds(compression)).as(method.name()).containsExactly(0L, 60L);
            assertThat(compression.maxSedMeters()).isZero();
            assertThat(compression.meanSedMeters()).isZero();
        }
        // 100 m apart: one group, at the midpoint (median of two) and the first time; both 50 m from it
        TrackCompression radius = compress(two, CompressionMethod.SKMOB_RADIUS);
        assertThat(seconds(radius)).containsExactly(0L);
        assertThat(east(radius.fixes().get(0), 10)).isCloseTo(50, within(METRES));
        assertThat(radius.ratio()).isEqualTo(0.5);
        assertThat(radius.maxSedMeters()).isCloseTo(50, within(METRES));
        assertThat(radius.meanSedMeters()).isCloseTo(50, within(METRES));
    }

    @Test
    void aTripAcrossTheAntimeridianIsOneStraightLine() {
        // 45 m steps every 15 s, from 100 m west of 180 degrees to 125 m east of it
        double lon0 = 180 - Math.toDegrees(100 / Geodesy.EARTH_RADIUS_METERS);
        double[][] line = new double[6][];
        for (int i = 0; i < line.length; i++) {
            line[i] = new double[] {45.0 * i, 0, 15.0 * i};
        }
        Fixes fixes = onEquator(lon0, line);
        assertThat(fixes.lon(0)).isPositive();
        assertThat(fixes.lon(5)).isNegative();

        for (CompressionMethod method : List.of(CompressionMethod.TD_TR, CompressionMethod.DOUGLAS_PEUCKER)) {
            TrackCompression compression = compress(fixes, method);
            assertThat(seconds(compression)).as(method.name()).containsExactly(0L, 75L);
            assertThat(compression.maxSedMeters()).isCloseTo(0, within(METRES));
            assertThat(compression.fixes().get(1).lon()).isEqualTo(fixes.lon(5));
        }
        // the first group (0-180 m) has its median 90 m along, 10 m west of 180 degrees: not the median of the
        // wrapped longitudes (the fix 100 m west), nor near 0 degrees
        TrackCompression radius = compress(fixes, CompressionMethod.SKMOB_RADIUS);
        assertThat(seconds(radius)).containsExactly(0L, 75L);
        assertThat(radius.fixes().get(0).lon())
                .isCloseTo(180 - Math.toDegrees(10 / Geodesy.EARTH_RADIUS_METERS), within(1e-9));
        assertThat(east(radius.fixes().get(1), lon0)).isCloseTo(225, within(METRES));
    }

    @Test
    void aTripOverTheNorthPoleIsOneStraightLine() {
        // 20 m every 4 s along the meridian of 30 degrees, over the pole at 111 m and down the meridian of -150
        double[] start = {89.999, 30};
        Fixes fixes = new Fixes();
        for (int i = 0; i <= 12; i++) {
            double[] at = i == 0 ? start : Geodesy.destination(start[0], start[1], 0, 20.0 * i);
            fixes.add(i + 1, i * 4_000L, at[0], at[1], Double.NaN, Double.NaN);
        }
        assertThat(fixes.lon(12)).isCloseTo(-150, within(1e-6));

        for (CompressionMethod method : List.of(CompressionMethod.TD_TR, CompressionMethod.DOUGLAS_PEUCKER)) {
            TrackCompression compression = compress(fixes, method);
            assertThat(seconds(compression)).as(method.name()).containsExactly(0L, 48L);
            assertThat(compression.maxSedMeters()).isCloseTo(0, within(METRES));
        }
        // groups of 0-200 m and 220-240 m from their first fixes
        assertThat(seconds(compress(fixes, CompressionMethod.SKMOB_RADIUS))).containsExactly(0L, 44L);
    }

    @Test
    void aTripWithoutFixesHasNoResult() {
        Fixes fixes = onEquator(10, new double[][] {{0, 0, 0}, {100, 0, 600}});
        List<TripSpan> between = List.of(new TripSpan(1, 100_000, 200_000));
        assertThat(TimeSpaceCompressionSkill.compress(fixes, 0, between, DEFAULTS).finals()).isEmpty();
        assertThat(TimeSpaceCompressionSkill.compress(fixes, 0, List.of(), DEFAULTS).finals()).isEmpty();
    }

    @Test
    void aLongWalkNeedsNoRecursionAndTdTrKeepsItsErrorWithinTheTolerance() {
        Random random = new Random(17);
        int n = 200_000;
        Fixes fixes = new Fixes(n);
        double[] at = {46.0, 7.0};
        double bearing = 0;
        for (int i = 0; i < n; i++) {
            fixes.add(i + 1, i * 1_000L, at[0], at[1], Double.NaN, Double.NaN);
            bearing += random.nextGaussian() * 20;
            at = Geodesy.destination(at[0], at[1], bearing, 1.5 * random.nextDouble());
        }
        CompressedTrip trip = TrackCompressor.compress(1, fixes, 0, n, new CompressionParams(20,
                CompressionMethods.ALL));

        for (TrackCompression compression : trip.compressions()) {
            assertThat(compression.fixes().size()).as(compression.method().name()).isBetween(2, n / 10);
            assertThat(compression.meanSedMeters()).isLessThanOrEqualTo(compression.maxSedMeters());
        }
        assertThat(trip.compressions().get(0).method()).isEqualTo(CompressionMethod.TD_TR);
        assertThat(trip.compressions().get(0).maxSedMeters()).isLessThanOrEqualTo(20);
    }

    @Test
    void aSpiralKeepsNearlyEveryFixWithoutRecursion() {
        // Half a radian between fixes on a widening spiral: beyond 8 m from the centre no fix lies within 1 m of the
        // chord that skips it, so Douglas-Peucker splits down to single fixes.
        int n = 30_000;
        double[][] spiral = new double[n][];
        for (int i = 0; i < n; i++) {
            double angle = i * 0.5;
            double radius = 1 + i * 0.5;
            spiral[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle), i};
        }
        Fixes fixes = onEquator(10, spiral);
        CompressedTrip trip = TrackCompressor.compress(1, fixes, 0, n, new CompressionParams(1,
                CompressionMethods.DOUGLAS_PEUCKER));
        assertThat(trip.compressions()).singleElement()
                .satisfies(compression -> assertThat(compression.fixes().size()).isGreaterThan(n / 2));
    }

    @Test
    void theMethodsParameterChoosesWhatRuns() {
        Fixes fixes = onEquator(10, new double[][] {{0, 0, 0}, {100, 0, 60}});
        assertThat(TrackCompressor.compress(1, fixes, 0, 2, DEFAULTS).compressions())
                .extracting(TrackCompression::method).containsExactly(CompressionMethod.values());
        assertThat(TrackCompressor.compress(1, fixes, 0, 2, new CompressionParams(200, CompressionMethods.TD_TR))
                .compressions()).extracting(TrackCompression::method).containsExactly(CompressionMethod.TD_TR);
    }

    @Test
    void chunkedCallsGiveWhatOneCallGives() {
        Random random = new Random(5);
        Fixes fixes = new Fixes();
        double[] at = {47.0, 8.0};
        for (int i = 0; i < 600; i++) {
            fixes.add(i + 1, i * 5_000L, at[0], at[1], Double.NaN, Double.NaN);
            at = Geodesy.destination(at[0], at[1], random.nextDouble() * 90, 5 + random.nextDouble() * 40);
        }
        List<TripSpan> trips = new ArrayList<>();
        for (int first = 0; first + 80 < fixes.size(); first += 100) {
            trips.add(new TripSpan(first, fixes.time(first), fixes.time(first + 80)));
        }
        trips.add(new TripSpan(590, fixes.time(590), fixes.time(599)));
        CompressionParams params = new CompressionParams(50, CompressionMethods.ALL);
        ChunkedRun.Analysis<CompressedTrip> analysis = (chunk, from) ->
                TimeSpaceCompressionSkill.compress(chunk, from, trips, params);
        List<CompressedTrip> whole = ChunkedRun.whole(fixes, analysis);
        assertThat(whole).hasSize(trips.size());
        assertThat(whole.get(0).compressions().get(0).fixes().size()).isBetween(3, 80);

        for (int attempt = 0; attempt < 30; attempt++) {
            int[] cuts = random.ints(1 + random.nextInt(8), 1, fixes.size()).sorted().toArray();
            assertThat(ChunkedRun.inChunks(fixes, cuts, analysis)).isEqualTo(whole);
        }
    }
}
