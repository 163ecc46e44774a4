package dev.tracks.analysis.worker.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StayDetectionTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");
    private static final long SAMPLE_MILLIS = 10_000;

    private static StreamResult<Stay> detect(Fixes fixes, StayParameters parameters) {
        return StayDetection.detectStays(fixes, 0, parameters);
    }

    @Test
    void findsGeneratedStaysAtTheirPlacesAndTimes() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 7)
                .stay(Duration.ofMinutes(30), 10)
                .move(90, 2_000, 50)
                .stay(Duration.ofMinutes(20), 10)
                .move(200, 5_000, 50)
                .stay(Duration.ofMinutes(10), 10)
                .move(0, 1_000, 50);

        List<Stay> stays = detect(track.fixes(), SkillParams.defaults(StayParameters.class)).finals();

        assertThat(stays).hasSameSizeAs(track.stays());
        for (int s = 0; s < stays.size(); s++) {
            Stay found = stays.get(s);
            SyntheticTrack.Stay truth = track.stays().get(s);
            // the window may take in the last fix of the arriving leg, and closes at the first fix >= 100 m away
            assertThat(found.startMillis()).isBetween(truth.startMillis() - SAMPLE_MILLIS, truth.startMillis());
            assertThat(found.endMillis()).isBetween(truth.endMillis(), truth.endMillis() + 2 * SAMPLE_MILLIS);
            assertThat(Geodesy.distanceMeters(found.lat(), found.lon(), truth.lat(), truth.lon())).isLessThan(5);
            assertThat(found.fixCount()).isBetween(truth.lastFix() - truth.firstFix() + 1,
                    truth.lastFix() - truth.firstFix() + 3);
            assertThat(found.elevationMeters()).isNaN();
        }
        assertThat(stays.get(0).startMillis()).isEqualTo(MORNING.toEpochMilli());
        assertThat(stays.get(0).firstFixId()).isEqualTo(track.fixes().id(0));
    }

    @Test
    void aStayShorterThanTheTimeThresholdIsNotFound() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 3)
                .move(90, 1_000, 50)
                .stay(Duration.ofMinutes(4), 10)
                .move(90, 1_000, 50)
                .stay(Duration.ofMinutes(6), 10)
                .move(90, 1_000, 50);

        List<Stay> stays = detect(track.fixes(), SkillParams.defaults(StayParameters.class)).finals();

        assertThat(stays).singleElement().satisfies(stay -> assertThat(
                Geodesy.distanceMeters(stay.lat(), stay.lon(), track.stays().get(1).lat(), track.stays().get(1).lon()))
                .isLessThan(5));
    }

    @Test
    void aGapLongerThanTheThresholdSplitsAStayAndTheWindowBeforeItIsDropped() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 5)
                .stay(Duration.ofMinutes(10), 10)
                .gap(Duration.ofMinutes(20))
                .stay(Duration.ofMinutes(10), 10)
                .move(90, 1_000, 50);

        List<Stay> stays = detect(track.fixes(), SkillParams.defaults(StayParameters.class)).finals();

        // trackintel restarts the window at the first fix after the gap and never emits the window before it
        SyntheticTrack.Stay afterGap = track.stays().get(1);
        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(stay.startMillis()).isEqualTo(afterGap.startMillis());
            assertThat(stay.firstFixId()).isEqualTo(track.fixes().id(afterGap.firstFix()));
        });
    }

    @Test
    void aGapWithinTheThresholdStaysInsideTheStay() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 5)
                .stay(Duration.ofMinutes(10), 10)
                .gap(Duration.ofMinutes(14))
                .stay(Duration.ofMinutes(10), 10)
                .move(90, 1_000, 50);

        List<Stay> stays = detect(track.fixes(), SkillParams.defaults(StayParameters.class)).finals();

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(stay.startMillis()).isEqualTo(MORNING.toEpochMilli());
            assertThat(stay.endMillis()).isGreaterThanOrEqualTo(track.stays().get(1).endMillis());
        });
    }

    @Test
    void theOpenLastWindowIsAProvisionalStayOnlyWithIncludeLast() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 9)
                .move(90, 1_000, 50)
                .stay(Duration.ofMinutes(10), 10);
        Fixes fixes = track.fixes();
        int last = fixes.size() - 1;

        StreamResult<Stay> dropped = detect(fixes, SkillParams.defaults(StayParameters.class));
        StreamResult<Stay> kept = detect(fixes, SkillParams.defaults(StayParameters.class).withIncludeLast(true));

        assertThat(dropped.finals()).isEmpty();
        assertThat(dropped.provisional()).isEmpty();
        assertThat(kept.finals()).isEmpty();
        assertThat(kept.provisional()).singleElement().satisfies(stay -> {
            assertThat(stay.endMillis()).isEqualTo(fixes.time(last));
            assertThat(stay.lastFixId()).isEqualTo(fixes.id(last));
            assertThat(Geodesy.distanceMeters(stay.lat(), stay.lon(), track.lat(), track.lon())).isLessThan(5);
        });
        assertThat(fixes.id(kept.resumeIndex())).isEqualTo(kept.provisional().get(0).firstFixId());
        assertThat(kept.contextIndex()).isEqualTo(kept.resumeIndex());
    }

    @Test
    void aStayOnTheAntimeridianIsCentredNearIt() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, -16.5, 179.9998, 11)
                .stay(Duration.ofMinutes(20), 15)
                .move(0, 1_000, 50);

        List<Stay> stays = detect(track.fixes(), SkillParams.defaults(StayParameters.class)).finals();

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(Math.abs(stay.lon())).isGreaterThan(179.99);
            assertThat(Geodesy.distanceMeters(stay.lat(), stay.lon(), -16.5, 179.9998)).isLessThan(5);
        });
        assertThat(hasFixesOnBothSides(track.fixes())).isTrue();
    }

    private static boolean hasFixesOnBothSides(Fixes fixes) {
        boolean east = false;
        boolean west = false;
        for (int i = 0; i < fixes.size(); i++) {
            east |= fixes.lon(i) > 0;
            west |= fixes.lon(i) < 0;
        }
        return east && west;
    }

    @Test
    void noFixAndOneFixGiveNoStay() {
        StayParameters includeLast = SkillParams.defaults(StayParameters.class).withIncludeLast(true);
        StreamResult<Stay> none = detect(new Fixes(), includeLast);
        StreamResult<Stay> one = detect(new Fixes().add(1, 0, 47.0, 8.0, Double.NaN, Double.NaN), includeLast);

        assertThat(none.finals()).isEmpty();
        assertThat(none.provisional()).isEmpty();
        assertThat(none.resumeIndex()).isZero();
        assertThat(one.finals()).isEmpty();
        assertThat(one.provisional()).isEmpty();
        assertThat(one.resumeIndex()).isZero();
    }

    @Test
    void elevationIsTheMedianOfTheKnownAltitudes() {
        Fixes fixes = new Fixes();
        double[] altitudes = {400, Double.NaN, 410, 402, Double.NaN, 404};
        for (int i = 0; i < altitudes.length; i++) {
            fixes.add(i, i * 60_000L, 47.0, 8.0, altitudes[i], Double.NaN);
        }
        fixes.add(99, 6 * 60_000L, 47.01, 8.0, 500, Double.NaN);

        List<Stay> stays = detect(fixes, SkillParams.defaults(StayParameters.class)).finals();

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(stay.elevationMeters()).isEqualTo(403);
            assertThat(stay.fixCount()).isEqualTo(6);
            assertThat(stay.endMillis()).isEqualTo(6 * 60_000L);
            assertThat(stay.lat()).isCloseTo(47.0, within(1e-12));
        });
    }
}
