package dev.tracks.analysis.worker.direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * directional_bias on walks whose headings are known by hand: all steps north (R = 1, Rayleigh p by Zar's formula), a
 * square loop and a way out and back (R = 0, p = 1), the compass sectors and their boundaries, jitter and slow walking
 * under minStepMeters, a recording gap, the antimeridian and the North Pole, per-trip rows.
 */
class HeadingWalkTest {

    private static final DirectionParams DEFAULTS = SkillParams.defaults(DirectionParams.class);
    private static final int N = 0;
    private static final int E = 2;
    private static final int S = 4;
    private static final int W = 6;

    /** A walk that adds fixes 10 s apart. */
    private static final class Walk {
        final Fixes fixes = new Fixes();
        double lat;
        double lon;
        long millis;

        Walk(double lat, double lon) {
            this.lat = lat;
            this.lon = lon;
            fix();
        }

        Walk go(double bearing, int steps, double metersEach) {
            for (int i = 0; i < steps; i++) {
                double[] next = Geodesy.destination(lat, lon, bearing, metersEach);
                lat = next[0];
                lon = next[1];
                millis += 10_000;
                fix();
            }
            return this;
        }

        Walk gap(long seconds) {
            millis += seconds * 1000;
            return this;
        }

        Walk jumpTo(double newLat, double newLon) {
            lat = newLat;
            lon = newLon;
            millis += 10_000;
            fix();
            return this;
        }

        private void fix() {
            fixes.add(fixes.size() + 1, millis, lat, lon, Double.NaN, Double.NaN);
        }
    }

    private static List<DirectionalBias> walk(Fixes fixes, List<TripSpan> trips, DirectionParams params) {
        HeadingWalk walk = new HeadingWalk(trips, params);
        for (int i = 0; i < fixes.size(); i++) {
            walk.accept(fixes.time(i), fixes.lat(i), fixes.lon(i));
        }
        return walk.results();
    }

    private static DirectionalBias user(Walk walk) {
        List<DirectionalBias> results = walk(walk.fixes, List.of(), DEFAULTS);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).isUser()).isTrue();
        return results.get(0);
    }

    @Test
    void stepsAllNorthHaveRadiusOneAndTheRayleighPOfZarsFormula() {
        DirectionalBias north = user(new Walk(47.0, 8.0).go(0, 9, 20));

        assertThat(north.steps()).isEqualTo(9);
        assertThat(north.distanceMeters()).isCloseTo(180, within(1e-6));
        assertThat(north.resultantLength()).isCloseTo(1, within(1e-12));
        assertThat(Math.min(north.meanBearingDegrees(), 360 - north.meanBearingDegrees())).isCloseTo(0,
                within(1e-9));
        // n = 9, R_n = 9: exp(sqrt(1 + 36 + 0) - 19)
        assertThat(north.rayleighP()).isCloseTo(Math.exp(Math.sqrt(37) - 19), within(1e-12));
        assertThat(north.sectorMeters()[N]).isCloseTo(180, within(1e-6));
        assertThat(north.sectorMeters()[E] + north.sectorMeters()[S] + north.sectorMeters()[W]).isZero();
    }

    @Test
    void aSquareLoopAndAWayOutAndBackHaveNoPreferredDirection() {
        DirectionalBias square = user(new Walk(47.0, 8.0).go(0, 1, 100).go(90, 1, 100).go(180, 1, 100)
                .go(270, 1, 100));
        assertThat(square.steps()).isEqualTo(4);
        assertThat(square.resultantLength()).isCloseTo(0, within(1e-6));
        assertThat(square.rayleighP()).as("exp(sqrt(1 + 16 + 64) - 9) = 1").isCloseTo(1, within(1e-6));
        for (int sector : new int[] {N, E, S, W}) {
            assertThat(square.sectorMeters()[sector]).isCloseTo(100, within(1e-6));
        }

        DirectionalBias outAndBack = user(new Walk(47.0, 8.0).go(0, 10, 50).go(180, 10, 50));
        assertThat(outAndBack.resultantLength()).isZero();
        assertThat(outAndBack.meanBearingDegrees()).as("no mean of balanced directions").isNaN();
        assertThat(outAndBack.rayleighP()).isCloseTo(1, within(1e-12));
        assertThat(outAndBack.sectorMeters()[N]).isCloseTo(500, within(1e-6));
        assertThat(outAndBack.sectorMeters()[S]).isCloseTo(500, within(1e-6));
    }

    @Test
    void aMeanOfTwoHeadingsWeighsThemByLength() {
        // 300 m east and 100 m north: the resultant is (300, 100) over 400 m.
        DirectionalBias bias = user(new Walk(0.0, 8.0).go(90, 3, 100).go(0, 1, 100));
        assertThat(bias.resultantLength()).isCloseTo(Math.sqrt(300 * 300 + 100 * 100) / 400, within(1e-6));
        assertThat(bias.meanBearingDegrees()).isCloseTo(Math.toDegrees(Math.atan2(300, 100)), within(1e-4));
    }

    @Test
    void sectorsAreCentredOnTheCompassDirectionsAndABoundaryGoesClockwise() {
        assertThat(HeadingSums.sector(0)).isEqualTo(N);
        assertThat(HeadingSums.sector(22.4999)).isEqualTo(N);
        assertThat(HeadingSums.sector(22.5)).isEqualTo(1);
        assertThat(HeadingSums.sector(67.5)).isEqualTo(E);
        assertThat(HeadingSums.sector(292.5)).isEqualTo(7);
        assertThat(HeadingSums.sector(337.4999)).isEqualTo(7);
        assertThat(HeadingSums.sector(337.5)).isEqualTo(N);
        assertThat(HeadingSums.sector(359.9999)).isEqualTo(N);
    }

    @Test
    void jitterAddsNoStepAndSlowWalkingStillCounts() {
        Walk standing = new Walk(47.0, 8.0);
        for (int i = 0; i < 100; i++) {
            standing.go(i * 137 % 360, 1, 3);
        }
        DirectionalBias still = user(standing);
        assertThat(still.steps()).as("each fix within 10 m of where the user stands").isZero();
        assertThat(still.resultantLength()).isNaN();
        assertThat(still.rayleighP()).isNaN();
        assertThat(still.distanceMeters()).isZero();

        // 1.1 m per fix northwards: each step runs from its anchor to the first fix 10 m away, 10 fixes on.
        DirectionalBias slow = user(new Walk(47.0, 8.0).go(0, 100, 1.1));
        assertThat(slow.steps()).isEqualTo(10);
        assertThat(slow.distanceMeters()).isCloseTo(110, within(1e-6));
        assertThat(slow.resultantLength()).isCloseTo(1, within(1e-12));

        DirectionalBias duplicates = user(new Walk(47.0, 8.0).go(0, 5, 0).go(0, 3, 20).go(0, 5, 0));
        assertThat(duplicates.steps()).as("zero-length steps have no direction, even with minStepMeters 0")
                .isEqualTo(walk(new Walk(47.0, 8.0).go(0, 3, 20).fixes, List.of(), new DirectionParams(0, 900))
                        .get(0).steps());
    }

    @Test
    void aStepAcrossARecordingGapIsNoMovement() {
        DirectionalBias bias = user(new Walk(47.0, 8.0).go(0, 5, 50).gap(7200).jumpTo(47.0, 8.5).go(0, 5, 50));
        assertThat(bias.steps()).isEqualTo(10);
        assertThat(bias.sectorMeters()[E]).isZero();
        assertThat(bias.resultantLength()).isCloseTo(1, within(1e-9));
    }

    @Test
    void aStepAcrossTheAntimeridianIsShortAndEastwardAndAStepFromThePoleHeadsSouth() {
        Walk across = new Walk(10.0, 179.9995).go(90, 4, 50);
        assertThat(across.fixes.lon(4)).isNegative();
        DirectionalBias east = user(across);
        assertThat(east.distanceMeters()).isCloseTo(200, within(1e-6));
        assertThat(east.meanBearingDegrees()).isCloseTo(90, within(1e-3));
        assertThat(east.sectorMeters()[E]).isCloseTo(200, within(1e-6));

        Walk westward = new Walk(-10.0, -179.9995).go(270, 4, 50);
        assertThat(user(westward).meanBearingDegrees()).isCloseTo(270, within(1e-3));

        Walk fromPole = new Walk(90.0, 123.0).jumpTo(89.999, -40.0);
        DirectionalBias south = user(fromPole);
        assertThat(south.steps()).isEqualTo(1);
        assertThat(south.meanBearingDegrees()).isEqualTo(180);
        assertThat(south.sectorMeters()[S]).isCloseTo(111.2, within(0.1));
    }

    @Test
    void eachTripHasItsOwnRowWithTheStepsBetweenItsStartAndEnd() {
        Walk walk = new Walk(47.0, 8.0).go(0, 10, 50).go(180, 10, 50).go(90, 5, 50);
        Fixes fixes = walk.fixes;
        List<TripSpan> trips = List.of(new TripSpan(1, fixes.time(0), fixes.time(10)),
                new TripSpan(2, fixes.time(10) + 1, fixes.time(20)),
                new TripSpan(3, fixes.time(25) + 1000, fixes.time(25) + 5000));

        List<DirectionalBias> results = walk(fixes, trips, DEFAULTS);

        assertThat(results).extracting(DirectionalBias::tripId).containsExactly(null, 1L, 2L);
        DirectionalBias user = results.get(0);
        assertThat(user.steps()).isEqualTo(25);
        assertThat(user.startMillis()).isEqualTo(fixes.time(0));
        assertThat(user.endMillis()).isEqualTo(fixes.time(25));
        assertThat(user.meanBearingDegrees()).as("out and back cancel; the way east remains").isCloseTo(90,
                within(1e-3));
        DirectionalBias out = results.get(1);
        assertThat(out.steps()).isEqualTo(10);
        assertThat(out.resultantLength()).isCloseTo(1, within(1e-9));
        assertThat(out.sectorMeters()[N]).isCloseTo(500, within(1e-6));
        assertThat(out.startMillis()).isEqualTo(trips.get(0).startMillis());
        DirectionalBias back = results.get(2);
        assertThat(back.steps()).as("trip 2's steps start at its first fix, the turning point's successor")
                .isEqualTo(9);
        assertThat(back.meanBearingDegrees()).isCloseTo(180, within(1e-6));

        List<DirectionalBias> idle = walk(new Walk(47.0, 8.0).go(0, 3, 2).fixes,
                List.of(new TripSpan(9, 0, 30_000)), DEFAULTS);
        assertThat(idle).hasSize(2);
        assertThat(idle.get(1).steps()).isZero();
        assertThat(idle.get(1).meanBearingDegrees()).isNaN();

        assertThat(walk(new Fixes(), trips, DEFAULTS)).as("no fixes, no rows").isEmpty();
    }
}
