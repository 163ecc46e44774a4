package dev.tracks.analysis.worker.altitude;

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
 * altitude_dimension on hand-built trips whose gain, loss, extremes and grades are known: gpxpy's smoothing, masked
 * sentinels (GeoLife -777 ft, out of range, unknown), no valid altitude, one fix, duplicate times, the antimeridian;
 * chunked calls equal one call.
 */
class AltitudeProfilesTest {

    private static final AltitudeParams DEFAULTS = SkillParams.defaults(AltitudeParams.class);
    private static final AltitudeParams RAW = new AltitudeParams(false, -500, 9000, 100, 100);

    /** Fixes 10 m apart heading east from (lat, lon), one every 5 s, with the given altitudes. */
    private static Fixes eastward(double lat, double lon, long startMillis, double... altitudes) {
        Fixes fixes = new Fixes();
        double[] at = {lat, lon};
        for (int i = 0; i < altitudes.length; i++) {
            fixes.add(i + 1, startMillis + i * 5_000L, at[0], at[1], altitudes[i], Double.NaN);
            at = Geodesy.destination(at[0], at[1], 90, 10);
        }
        return fixes;
    }

    private static AltitudeProfile profile(Fixes fixes, AltitudeParams params) {
        return AltitudeProfiles.of(1, fixes, 0, fixes.size(), params);
    }

    @Test
    void gainAndLossFollowGpxpyWithAndWithoutItsSmoothing() {
        Fixes fixes = eastward(47.0, 8.0, 0, 100, 110, 105, 120);

        AltitudeProfile raw = profile(fixes, RAW);
        assertThat(raw.gainMeters()).isCloseTo(25, within(1e-9));
        assertThat(raw.lossMeters()).isCloseTo(5, within(1e-9));
        // smoothed: 100, 0.3*100+0.4*110+0.3*105 = 105.5, 0.3*110+0.4*105+0.3*120 = 111, 120
        AltitudeProfile smooth = profile(fixes, DEFAULTS);
        assertThat(smooth.gainMeters()).isCloseTo(20, within(1e-9));
        assertThat(smooth.lossMeters()).isCloseTo(0, within(1e-9));
        assertThat(smooth.minMeters()).isEqualTo(100);
        assertThat(smooth.maxMeters()).as("extremes of the readings, not of the smoothed profile").isEqualTo(120);
        assertThat(smooth.validFixes()).isEqualTo(4);
    }

    @Test
    void sentinelsOutOfRangeAndUnknownAltitudesAreMasked() {
        double geoLifeUnknown = -777 * 0.3048;
        Fixes fixes = eastward(47.0, 8.0, 0, 400, geoLifeUnknown, -777, -600, Double.NaN, 9500, 410);

        AltitudeProfile profile = profile(fixes, RAW);

        assertThat(profile.fixCount()).isEqualTo(7);
        assertThat(profile.validFixes()).isEqualTo(2);
        assertThat(profile.minMeters()).isEqualTo(400);
        assertThat(profile.maxMeters()).isEqualTo(410);
        assertThat(profile.gainMeters()).isCloseTo(10, within(1e-9));
        assertThat(profile.lossMeters()).isZero();
        // the two valid fixes are 60 m apart: shorter than the 100 m a grade needs
        assertThat(profile.maxGradePercent()).isNaN();
        assertThat(profile(fixes, new AltitudeParams(false, -500, 9000, 100, 50)).maxGradePercent())
                .isCloseTo(100 * 10 / 60.0, within(0.01));
    }

    @Test
    void isolatedSpikesAreMaskedAndASteadyClimbIsKept() {
        // Three fixes at ~2,250 m amid fixes at ~50 m on a walk.
        double[] altitudes = new double[30];
        for (int i = 0; i < altitudes.length; i++) {
            altitudes[i] = 50 + (i % 3) * 4;
        }
        altitudes[14] = 2300;
        altitudes[15] = 2220;
        altitudes[16] = 2210;
        AltitudeProfile walk = profile(eastward(40.0, 116.3, 0, altitudes), RAW);
        assertThat(walk.validFixes()).isEqualTo(27);
        assertThat(walk.maxMeters()).isEqualTo(58);
        assertThat(walk.gainMeters()).isLessThan(100);

        // An aircraft's climb of 10 m per fix (100 % over 10 m): far steeper than any spike limit, and kept.
        double[] climb = new double[200];
        for (int i = 0; i < climb.length; i++) {
            climb[i] = 100 + 10 * i;
        }
        AltitudeProfile steady = profile(eastward(40.0, 116.3, 0, climb), RAW);
        assertThat(steady.validFixes()).isEqualTo(200);
        assertThat(steady.gainMeters()).isCloseTo(1990, within(1e-9));
        assertThat(steady.maxGradePercent()).isCloseTo(100, within(0.01));
    }

    @Test
    void theSteepestGradeOverTheDistanceKeepsItsSign() {
        // 20 steps rising 1 m per 10 m (10 %), then 20 steps dropping 1.5 m per 10 m (-15 %)
        double[] altitudes = new double[41];
        for (int i = 1; i <= 20; i++) {
            altitudes[i] = altitudes[i - 1] + 1;
        }
        for (int i = 21; i <= 40; i++) {
            altitudes[i] = altitudes[i - 1] - 1.5;
        }
        AltitudeProfile profile = profile(eastward(47.0, 8.0, 0, altitudes), RAW);

        assertThat(profile.maxGradePercent()).isCloseTo(-15, within(0.01));
        assertThat(profile.gainMeters()).isCloseTo(20, within(1e-9));
        assertThat(profile.lossMeters()).isCloseTo(30, within(1e-9));
    }

    @Test
    void noValidAltitudeLeavesTheAltitudeColumnsEmptyAndOneFixHasNoClimb() {
        AltitudeProfile none = profile(eastward(47.0, 8.0, 0, Double.NaN, Double.NaN), DEFAULTS);
        assertThat(none.validFixes()).isZero();
        assertThat(List.of(none.minMeters(), none.maxMeters(), none.gainMeters(), none.lossMeters(),
                none.maxGradePercent())).allMatch(value -> value.isNaN());

        AltitudeProfile one = profile(eastward(47.0, 8.0, 0, 250), DEFAULTS);
        assertThat(one.validFixes()).isEqualTo(1);
        assertThat(one.gainMeters()).isZero();
        assertThat(one.lossMeters()).isZero();
        assertThat(one.maxGradePercent()).isNaN();
    }

    @Test
    void duplicateTimesAndTheAntimeridianChangeNothingButTheFixCount() {
        Fixes fixes = new Fixes();
        double[] at = {-17.0, 179.9995};
        double[] altitudes = {10, 20, 20, 30};
        long[] times = {0, 5_000, 5_000, 10_000};
        for (int i = 0; i < 4; i++) {
            fixes.add(i + 1, times[i], at[0], at[1], altitudes[i], Double.NaN);
            if (i != 1) {
                at = Geodesy.destination(at[0], at[1], 90, 60);
            }
        }

        AltitudeProfile profile = profile(fixes, RAW);

        assertThat(fixes.lon(3)).isNegative();
        assertThat(profile.gainMeters()).isCloseTo(20, within(1e-9));
        assertThat(profile.maxGradePercent()).as("20 m over 120 m along the path").isCloseTo(100 * 20 / 120.0,
                within(0.01));
    }

    @Test
    void chunkedCallsGiveWhatOneCallGives() {
        Random random = new Random(5);
        double[] altitudes = new double[600];
        for (int i = 1; i < altitudes.length; i++) {
            altitudes[i] = altitudes[i - 1] + random.nextGaussian() * 2;
        }
        Fixes fixes = eastward(47.0, 8.0, 0, altitudes);
        List<TripSpan> trips = new ArrayList<>();
        for (int first = 0; first + 80 < fixes.size(); first += 100) {
            trips.add(new TripSpan(first, fixes.time(first), fixes.time(first + 80)));
        }
        trips.add(new TripSpan(590, fixes.time(590), fixes.time(599)));
        ChunkedRun.Analysis<AltitudeProfile> analysis = (chunk, from) -> AltitudeSkill.profile(chunk, from, trips,
                DEFAULTS);
        List<AltitudeProfile> whole = ChunkedRun.whole(fixes, analysis);
        assertThat(whole).hasSize(trips.size());

        for (int attempt = 0; attempt < 30; attempt++) {
            int[] cuts = random.ints(1 + random.nextInt(8), 1, fixes.size()).sorted().toArray();
            assertThat(ChunkedRun.inChunks(fixes, cuts, analysis)).isEqualTo(whole);
        }
    }
}
