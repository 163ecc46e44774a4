package dev.tracks.analysis.worker.complexity;

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
 * spatial_complexity on paths whose measures are known by hand: a straight line (sinuosity 0, fractal dimension 1,
 * E_max infinite and stored as null), zigzags with turns of 90 and 60 degrees, trips too short for any measure,
 * duplicate positions, the antimeridian; rediscretization at the step length; chunked calls equal one call.
 */
class PathComplexitiesTest {

    private static final ComplexityParams STEP_50 = SkillParams.defaults(ComplexityParams.class);
    private static final double METERS_PER_DEGREE = Math.toRadians(Geodesy.EARTH_RADIUS_METERS);

    /**
     * Fixes at plane positions (metres east and north of a centre), one every 10 s: the inverse of {@link PlanarPath}
     * when the north-south extent is symmetric about the centre, as every path here is.
     */
    private static Fixes planar(double centreLat, double centreLon, double[] xs, double[] ys) {
        Fixes fixes = new Fixes();
        for (int i = 0; i < xs.length; i++) {
            double lat = centreLat + ys[i] / METERS_PER_DEGREE;
            double lon = centreLon + xs[i] / (METERS_PER_DEGREE * Math.cos(Math.toRadians(centreLat)));
            fixes.add(i + 1, i * 10_000L, lat, Geodesy.normalizeLongitude(lon), Double.NaN, Double.NaN);
        }
        return fixes;
    }

    /** A zigzag of {@code legs} legs of {@code legMeters}, alternately heading +half and -half the turn from east. */
    private static Fixes zigzag(double centreLat, double centreLon, int legs, double legMeters, double turnDegrees) {
        double[] xs = new double[legs + 1];
        double[] ys = new double[legs + 1];
        double half = Math.toRadians(turnDegrees / 2);
        for (int i = 1; i <= legs; i++) {
            double heading = i % 2 == 1 ? half : -half;
            xs[i] = xs[i - 1] + legMeters * Math.cos(heading);
            ys[i] = ys[i - 1] + legMeters * Math.sin(heading);
        }
        double middle = (max(ys) + min(ys)) / 2;
        for (int i = 0; i <= legs; i++) {
            ys[i] -= middle;
        }
        return planar(centreLat, centreLon, xs, ys);
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static PathComplexity measure(Fixes fixes, ComplexityParams params) {
        return new PathComplexities().of(7, fixes, 0, fixes.size(), params);
    }

    /** Fixes due north, {@code spacing} metres apart, symmetric about the centre. */
    private static Fixes northward(int fixCount, double spacing) {
        double[] xs = new double[fixCount];
        double[] ys = new double[fixCount];
        double extent = spacing * (fixCount - 1);
        for (int i = 0; i < fixCount; i++) {
            ys[i] = i * spacing - extent / 2;
        }
        return planar(47.0, 8.0, xs, ys);
    }

    @Test
    void aStraightLineHasSinuosityZeroFractalDimensionOneAndNoFiniteEmax() {
        Fixes line = northward(101, 29.9);

        PathComplexity straight = measure(line, STEP_50);

        assertThat(straight.pathMeters()).isCloseTo(2990, within(1e-6));
        assertThat(straight.steps()).as("59 steps of 50 m fit in 2990 m").isEqualTo(59);
        assertThat(straight.sinuosity()).isCloseTo(0, within(1e-6));
        assertThat(straight.fractalDimension()).isCloseTo(1, within(1e-9));
        assertThat(straight.eMax()).as("c / (1 - c) with c = 1 is infinite").isNaN();
        assertThat(straight.directionalChangeMean()).isCloseTo(0, within(1e-6));
        assertThat(straight.directionalChangeSd()).isCloseTo(0, within(1e-6));
        assertThat(straight.note()).isEqualTo(PathComplexities.STRAIGHT);
    }

    @Test
    void rediscretizationPlacesPointsAtTheStepLengthAlongThePath() {
        PlanarPath path = new PlanarPath();
        Fixes zigzag = zigzag(47.0, 8.0, 6, 70, 90);
        path.project(zigzag, 0, zigzag.size());
        Rediscretization rediscretized = new Rediscretization();

        int points = rediscretized.rediscretize(path, 50);

        for (int i = 1; i < points; i++) {
            double dx = rediscretized.x(i) - rediscretized.x(i - 1);
            double dy = rediscretized.y(i) - rediscretized.y(i - 1);
            assertThat(Math.sqrt(dx * dx + dy * dy)).isCloseTo(50, within(1e-9));
        }
        // The first point lies on the first leg, 50 m from the start; the second on the second leg, where the circle
        // of 50 m about the first point crosses it: 20 m left of the corner along the first leg's line, so sqrt(50^2
        // - 20^2) m further along the second leg.
        double cornerX = path.x(1);
        double cornerY = path.y(1);
        double along = Math.sqrt(50 * 50 - 20 * 20);
        double legX = (path.x(2) - cornerX) / 70;
        double legY = (path.y(2) - cornerY) / 70;
        assertThat(rediscretized.x(2)).isCloseTo(cornerX + along * legX, within(1e-9));
        assertThat(rediscretized.y(2)).isCloseTo(cornerY + along * legY, within(1e-9));
    }

    @Test
    void zigzagsHaveTheSinuosityEmaxAndDirectionalChangeOfTheirTurns() {
        // Legs a hair longer than the step (a step of exactly a leg would put every corner on the circle, where
        // rounding decides): each rediscretized point lies 0.1 mm before a corner, so the rediscretized path is the
        // zigzag itself to within 2e-6 rad, every turn +-90 degrees (c = 0).
        ComplexityParams step = new ComplexityParams(49.9999);
        PathComplexity square = measure(zigzag(47.0, 8.0, 40, 50, 90), step);
        assertThat(square.steps()).isEqualTo(40);
        assertThat(square.sinuosity()).as("2 / sqrt(p (1 + 0) / (1 - 0))").isCloseTo(2 / Math.sqrt(49.9999),
                within(1e-4));
        assertThat(square.eMax()).isCloseTo(0, within(1e-4));
        assertThat(square.directionalChangeMean()).as("90 degrees over the 20 s from fix to fix").isCloseTo(4.5,
                within(1e-6));
        assertThat(square.directionalChangeSd()).isCloseTo(0, within(1e-6));
        assertThat(square.note()).isNull();

        // Turns of +-60 degrees: c = 0.5.
        PathComplexity sixty = measure(zigzag(47.0, 8.0, 40, 50, 60), step);
        assertThat(sixty.steps()).isEqualTo(40);
        assertThat(sixty.sinuosity()).as("2 / sqrt(p (1.5 / 0.5))").isCloseTo(2 / Math.sqrt(3 * 49.9999),
                within(1e-4));
        assertThat(sixty.eMax()).as("0.5 / (1 - 0.5)").isCloseTo(1, within(1e-4));
        assertThat(sixty.directionalChangeMean()).isCloseTo(3, within(1e-6));
    }

    @Test
    void theFractalDimensionFollowsTheDividersSlope() {
        // A zigzag of 10 m legs turning 90 degrees, 1000 legs: at dividers much longer than a leg the path is a
        // straight line of 1000 * 10 / sqrt(2) m, at 10 m the full 10 km, so log length falls with log divider.
        PathComplexity fine = measure(zigzag(47.0, 8.0, 1000, 10, 90), new ComplexityParams(10));
        assertThat(fine.fractalDimension()).isGreaterThan(1.02).isLessThan(1.3);
        assertThat(fine.note()).isNull();
    }

    @Test
    void tripsTooShortHaveNullMeasuresWithTheirReasons() {
        PathComplexity twoClose = measure(northward(2, 30), STEP_50);
        assertThat(twoClose.fixCount()).isEqualTo(2);
        assertThat(twoClose.steps()).isZero();
        assertThat(twoClose.sinuosity()).isNaN();
        assertThat(twoClose.fractalDimension()).isNaN();
        assertThat(twoClose.eMax()).isNaN();
        assertThat(twoClose.directionalChangeMean()).isNaN();
        assertThat(twoClose.directionalChangeSd()).isNaN();
        assertThat(twoClose.note()).isEqualTo("too_few_steps,too_short_for_fractal,too_few_turns");

        PathComplexity twoFar = measure(northward(2, 420), STEP_50);
        assertThat(twoFar.steps()).isEqualTo(8);
        assertThat(twoFar.sinuosity()).isCloseTo(0, within(1e-6));
        assertThat(twoFar.note()).isEqualTo("straight,too_short_for_fractal,too_few_turns");

        Fixes one = northward(1, 0);
        PathComplexity single = measure(one, STEP_50);
        assertThat(single.pathMeters()).isZero();
        assertThat(single.note()).isEqualTo("too_few_steps,too_short_for_fractal,too_few_turns");
    }

    @Test
    void duplicatePositionsAreSkipped() {
        Fixes zigzag = zigzag(47.0, 8.0, 40, 50, 60);
        Fixes withDuplicates = new Fixes();
        for (int i = 0; i < zigzag.size(); i++) {
            withDuplicates.add(zigzag, i);
            withDuplicates.add(100 + i, zigzag.time(i) + 5_000, zigzag.lat(i), zigzag.lon(i), Double.NaN, Double.NaN);
        }

        PathComplexity plain = measure(zigzag, STEP_50);
        PathComplexity duplicated = measure(withDuplicates, STEP_50);

        assertThat(duplicated.fixCount()).isEqualTo(2 * plain.fixCount());
        assertThat(plain.note()).isNull();
        assertThat(duplicated).usingRecursiveComparison().ignoringFields("fixCount", "endMillis").isEqualTo(plain);
    }

    @Test
    void aPathAcrossTheAntimeridianMeasuresAsAnywhereElse() {
        PathComplexity greenwich = measure(zigzag(47.0, 0.0, 60, 37, 75), STEP_50);
        Fixes across = zigzag(47.0, 179.99, 60, 37, 75);
        assertThat(across.lon(0)).isPositive();
        assertThat(across.lon(across.size() - 1)).isNegative();

        PathComplexity antimeridian = measure(across, STEP_50);

        assertThat(antimeridian.pathMeters()).isCloseTo(greenwich.pathMeters(), within(1e-6));
        assertThat(antimeridian.steps()).isEqualTo(greenwich.steps());
        // Longitudes near 180 carry fewer fractional digits than near 0: agreement to a millionth, not bit for bit.
        assertThat(antimeridian.sinuosity()).isCloseTo(greenwich.sinuosity(), within(1e-6));
        assertThat(antimeridian.fractalDimension()).isCloseTo(greenwich.fractalDimension(), within(1e-6));
        assertThat(antimeridian.eMax()).isCloseTo(greenwich.eMax(), within(1e-6));
        assertThat(antimeridian.directionalChangeMean()).isCloseTo(greenwich.directionalChangeMean(), within(1e-6));
    }

    @Test
    void chunkedCallsGiveWhatOneCallGives() {
        Random random = new Random(11);
        Fixes fixes = new Fixes();
        double[] at = {47.0, 8.0};
        double heading = 0;
        for (int i = 0; i < 1500; i++) {
            fixes.add(i + 1, i * 5_000L, at[0], at[1], Double.NaN, Double.NaN);
            heading += random.nextGaussian() * 30;
            at = Geodesy.destination(at[0], at[1], heading, 5 + random.nextDouble() * 20);
        }
        List<TripSpan> trips = new ArrayList<>();
        for (int first = 0; first + 200 < fixes.size(); first += 250) {
            trips.add(new TripSpan(first, fixes.time(first), fixes.time(first + 200)));
        }
        trips.add(new TripSpan(1450, fixes.time(1450), fixes.time(1499)));
        PathComplexities complexities = new PathComplexities();
        ChunkedRun.Analysis<PathComplexity> analysis = (chunk, from) -> SpatialComplexitySkill.measure(chunk, from,
                trips, complexities, STEP_50);
        List<PathComplexity> whole = ChunkedRun.whole(fixes, analysis);
        assertThat(whole).hasSize(trips.size());
        assertThat(whole.subList(0, trips.size() - 1)).allSatisfy(trip ->
                assertThat(trip.fractalDimension()).isBetween(1.0, 2.0));
        assertThat(whole.get(trips.size() - 1).note()).contains(PathComplexities.TOO_SHORT_FOR_FRACTAL);

        for (int attempt = 0; attempt < 30; attempt++) {
            int[] cuts = random.ints(1 + random.nextInt(8), 1, fixes.size()).sorted().toArray();
            assertThat(ChunkedRun.inChunks(fixes, cuts, analysis)).isEqualTo(whole);
        }
    }
}
