package dev.tracks.analysis.worker.outlier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlierDetectionTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");

    /** All flags of one call, final and provisional, by fix id. */
    private static Map<Long, OutlierReason> flagsById(Fixes fixes) {
        StreamResult<OutlierFlag> result = OutlierDetection.detectOutliers(fixes, 0, SkillParams.defaults(OutlierParameters.class));
        Map<Long, OutlierReason> flags = new LinkedHashMap<>();
        List<OutlierFlag> all = new ArrayList<>(result.finals());
        all.addAll(result.provisional());
        for (OutlierFlag flag : all) {
            flags.put(flag.fixId(), flag.reason());
        }
        return flags;
    }

    @Test
    void cleanWalkDriveAndFlightHaveNoOutliers() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 1)
                .stay(Duration.ofMinutes(30), 10)
                .move(80, 2_000, 5)
                .stay(Duration.ofMinutes(10), 10)
                .move(170, 20_000, 50)
                .move(-10, 3_000, 50)
                .stay(Duration.ofMinutes(60), 10)
                .move(300, 1_000_000, 900)
                .stay(Duration.ofMinutes(20), 10)
                .sampleEvery(Duration.ofSeconds(1))
                .move(100, 1_000, 5)
                .move(280, 500, 5)
                .stay(Duration.ofMinutes(5), 10);

        assertThat(flagsById(track.fixes())).isEmpty();
    }

    @Test
    void flagsEachInjectedOutlierWithItsReasonAndNothingElse() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 2)
                .stay(Duration.ofMinutes(20), 5)
                .move(90, 3_000, 5)
                .move(0, 10_000, 50)
                .stay(Duration.ofMinutes(20), 5);
        Fixes generated = track.fixes();
        SyntheticTrack.Stay firstStay = track.stays().get(0);
        SyntheticTrack.Leg drive = track.legs().get(1);
        SyntheticTrack.Leg walk = track.legs().get(0);
        int last = generated.size() - 1;

        Injection injection = new Injection(generated);
        int jump = walk.firstFix() + 40;
        injection.moveBy(jump, 45, 30_000);
        int backtrack = drive.firstFix() + 30;
        // 1 km back along the road: out and back at about 400 km/h, a possible speed
        injection.moveBy(backtrack, 180, 1_000);
        int drift = firstStay.firstFix() + 50;
        injection.moveTo(drift, Geodesy.destination(firstStay.lat(), firstStay.lon(), 300, 150));
        int inaccurate = walk.firstFix() + 80;
        injection.accuracy(inaccurate, 500);
        int duplicated = drive.firstFix() + 10;
        injection.duplicateAfter(duplicated, Geodesy.destination(generated.lat(duplicated), generated.lon(duplicated),
                90, 3));
        injection.moveBy(last, 270, 60_000);
        Fixes fixes = injection.fixes();

        assertThat(flagsById(fixes)).containsExactlyInAnyOrderEntriesOf(Map.of(
                generated.id(jump), OutlierReason.JUMP,
                generated.id(backtrack), OutlierReason.BACKTRACK,
                generated.id(drift), OutlierReason.DRIFT,
                generated.id(inaccurate), OutlierReason.LOW_ACCURACY,
                Injection.DUPLICATE_ID, OutlierReason.DUPLICATE_TIME,
                generated.id(last), OutlierReason.SPEED));
    }

    @Test
    void aTwoFixExcursionIsAJumpAndAFirstFixFarAwayIsSpeed() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 3)
                .move(90, 3_000, 5)
                .stay(Duration.ofMinutes(10), 10);
        Fixes generated = track.fixes();
        Injection injection = new Injection(generated);
        injection.moveBy(0, 0, 40_000);
        injection.moveBy(60, 200, 25_000);
        injection.moveBy(61, 200, 25_200);

        assertThat(flagsById(injection.fixes())).containsExactlyInAnyOrderEntriesOf(Map.of(
                generated.id(0), OutlierReason.SPEED,
                generated.id(60), OutlierReason.JUMP,
                generated.id(61), OutlierReason.JUMP));
    }

    @Test
    void noiseInsideAStayIsNotAJump() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 4)
                .sampleEvery(Duration.ofSeconds(1))
                .stay(Duration.ofMinutes(30), 10);

        assertThat(flagsById(track.fixes())).isEmpty();
    }

    @Test
    void aStationaryClusterFlagsItsFarScatteredFixesAsDrift() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, -33.86, 151.21, 5)
                .stay(Duration.ofMinutes(30), 8);
        Fixes generated = track.fixes();
        Injection injection = new Injection(generated);
        int[] scattered = {20, 21, 70, 120, 150};
        double[] meters = {80, 300, 120, 60, 200};
        for (int s = 0; s < scattered.length; s++) {
            injection.moveTo(scattered[s], Geodesy.destination(-33.86, 151.21, 70 * s, meters[s]));
        }

        Map<Long, OutlierReason> expected = new LinkedHashMap<>();
        for (int index : scattered) {
            expected.put(generated.id(index), OutlierReason.DRIFT);
        }
        assertThat(flagsById(injection.fixes())).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void noFixAndOneFix() {
        StreamResult<OutlierFlag> none = OutlierDetection.detectOutliers(new Fixes(), 0,
                SkillParams.defaults(OutlierParameters.class));
        Fixes oneInaccurate = new Fixes().add(7, 1_000, 47, 8, Double.NaN, 250);
        StreamResult<OutlierFlag> one = OutlierDetection.detectOutliers(oneInaccurate, 0,
                SkillParams.defaults(OutlierParameters.class));
        Fixes oneAccurate = new Fixes().add(8, 1_000, 47, 8, Double.NaN, 5);

        assertThat(none.finals()).isEmpty();
        assertThat(none.provisional()).isEmpty();
        assertThat(none.resumeIndex()).isZero();
        assertThat(one.finals()).isEmpty();
        assertThat(one.provisional()).containsExactly(new OutlierFlag(7, 1_000, OutlierReason.LOW_ACCURACY));
        assertThat(flagsById(oneAccurate)).isEmpty();
    }
}
