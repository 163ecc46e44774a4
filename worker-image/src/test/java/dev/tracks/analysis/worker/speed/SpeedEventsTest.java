package dev.tracks.analysis.worker.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.ChunkedRun;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Speed events on generated tracks whose speeds are known exactly: legs at constant speed sampled every 5 s, stays
 * without noise, so every step's speed is the leg's.
 */
class SpeedEventsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");
    private static final SpeedEventParams DEFAULTS = SkillParams.defaults(SpeedEventParams.class);

    private static SyntheticTrack track(double lat, double lon) {
        return SyntheticTrack.startingAt(T0, lat, lon, 7).sampleEvery(Duration.ofSeconds(5))
                .stay(Duration.ofMinutes(2), 0);
    }

    private static List<SpeedEvent> all(Fixes fixes, SpeedEventParams params) {
        StreamResult<SpeedEvent> result = SpeedEvents.detect(fixes, 0, params);
        return Stream.concat(result.finals().stream(), result.provisional().stream()).toList();
    }

    private static SpeedEventParams withHysteresis(double kmh) {
        return new SpeedEventParams(DEFAULTS.speedThresholdKmh(), DEFAULTS.speedFloorKmh(), kmh,
                DEFAULTS.minDurationSeconds(), DEFAULTS.maxGapSeconds());
    }

    @Test
    void theDefaultsAreTheCatalogs() {
        assertThat(DEFAULTS).isEqualTo(new SpeedEventParams(130, 0, 10, 30, 300));
    }

    @Test
    void aMotorwayLegAboveTheThresholdIsOneEventWithItsExactDistanceAndSpeeds() {
        SyntheticTrack track = track(47.37, 8.54).move(90, 2_000, 60).move(90, 12_500, 150)
                .move(90, 2_000, 60).stay(Duration.ofMinutes(2), 0);
        SyntheticTrack.Leg motorway = track.legs().get(1);

        StreamResult<SpeedEvent> result = SpeedEvents.detect(track.fixes(), 0, DEFAULTS);

        assertThat(result.provisional()).isEmpty();
        assertThat(result.finals()).hasSize(1);
        SpeedEvent event = result.finals().get(0);
        assertThat(event.kind()).isEqualTo(SpeedKind.FAST);
        assertThat(event.firstFixId()).isEqualTo(track.fixes().id(motorway.firstFix()));
        assertThat(event.startMillis()).isEqualTo(motorway.startMillis());
        // the leg's last step ends at the next leg's first fix, at the leg's arrival
        assertThat(event.endMillis()).isEqualTo(motorway.endMillis());
        assertThat(event.durationSeconds()).isEqualTo(300.0);
        assertThat(event.distanceMeters()).isCloseTo(12_500, within(1e-3));
        assertThat(event.maxSpeedKmh()).isCloseTo(150, within(1e-6));
        assertThat(event.meanSpeedKmh()).isCloseTo(150, within(1e-6));
        assertThat(event.fixCount()).isEqualTo(61);
        assertThat(event.tripId()).isNull();
    }

    @Test
    void hysteresisKeepsANoisyDipInsideTheBandFromSplittingTheEvent() {
        SyntheticTrack dip = track(47.37, 8.54).move(90, 6_250, 150).move(90, 125 / 3.6 * 10, 125)
                .move(90, 6_250, 150).stay(Duration.ofMinutes(2), 0);
        SyntheticTrack.Leg before = dip.legs().get(0);
        SyntheticTrack.Leg after = dip.legs().get(2);

        List<SpeedEvent> banded = all(dip.fixes(), DEFAULTS);
        assertThat(banded).hasSize(1);
        assertThat(banded.get(0).startMillis()).isEqualTo(before.startMillis());
        assertThat(banded.get(0).endMillis()).isEqualTo(after.endMillis());
        assertThat(banded.get(0).distanceMeters()).isCloseTo(12_500 + 125 / 3.6 * 10, within(1e-3));
        assertThat(banded.get(0).maxSpeedKmh()).isCloseTo(150, within(1e-6));

        List<SpeedEvent> split = all(dip.fixes(), withHysteresis(0));
        assertThat(split).extracting(SpeedEvent::startMillis).containsExactly(before.startMillis(),
                after.startMillis());
        assertThat(split).extracting(SpeedEvent::endMillis).containsExactly(before.endMillis(), after.endMillis());
        assertThat(split).allSatisfy(event -> assertThat(event.distanceMeters()).isCloseTo(6_250, within(1e-3)));
    }

    @Test
    void aDipBelowTheBandEndsTheEventAndTheEventIsCutBackToItsLastStepAboveTheThreshold() {
        SyntheticTrack dip = track(47.37, 8.54).move(90, 6_250, 150).move(90, 125 / 3.6 * 20, 125)
                .move(90, 100 / 3.6 * 10, 100).move(90, 6_250, 150).stay(Duration.ofMinutes(2), 0);
        List<SyntheticTrack.Leg> legs = dip.legs();

        List<SpeedEvent> events = all(dip.fixes(), DEFAULTS);

        // the 125 km/h steps after the first leg lie in the band but no fast step follows them before the 100 km/h
        assertThat(events).extracting(SpeedEvent::startMillis).containsExactly(legs.get(0).startMillis(),
                legs.get(3).startMillis());
        assertThat(events.get(0).endMillis()).isEqualTo(legs.get(0).endMillis());
        assertThat(events.get(0).distanceMeters()).isCloseTo(6_250, within(1e-3));
    }

    @Test
    void eventsShorterThanTheMinimumDurationAreDropped() {
        SyntheticTrack burst = track(47.37, 8.54).move(90, 150 / 3.6 * 25, 150).stay(Duration.ofMinutes(2), 0)
                .move(90, 150 / 3.6 * 30, 150).stay(Duration.ofMinutes(2), 0);

        assertThat(all(burst.fixes(), DEFAULTS)).extracting(SpeedEvent::durationSeconds).containsExactly(30.0);
    }

    @Test
    void aFloorFindsSlowEventsWithTheirOwnHysteresisAndNeverOverlapsAFastOne() {
        SyntheticTrack walk = track(47.37, 8.54).move(0, 500, 3).move(0, 4.5 / 3.6 * 20, 4.5).move(0, 500, 3)
                .move(0, 12_500, 150).stay(Duration.ofMinutes(1), 0);
        List<SyntheticTrack.Leg> legs = walk.legs();
        SpeedEventParams floor = new SpeedEventParams(130, 4, 1, 30, 300);

        List<SpeedEvent> events = all(walk.fixes(), floor);

        // the stays (0 km/h) are slow too: the first stay runs straight into the walk, whose 4.5 km/h dip lies in
        // the 4-5 km/h band; the fast leg ends the slow event, and the last stay is slow again
        assertThat(events).extracting(SpeedEvent::kind).containsExactly(SpeedKind.SLOW, SpeedKind.FAST,
                SpeedKind.SLOW);
        assertThat(events.get(0).startMillis()).isEqualTo(T0.toEpochMilli());
        assertThat(events.get(0).endMillis()).isEqualTo(legs.get(3).startMillis());
        assertThat(events.get(0).maxSpeedKmh()).isCloseTo(4.5, within(1e-6));
        assertThat(events.get(1).startMillis()).isEqualTo(legs.get(3).startMillis());
        assertThat(events.get(1).endMillis()).isEqualTo(legs.get(3).endMillis());
        assertThat(events.get(2).startMillis()).isEqualTo(legs.get(3).endMillis());
    }

    @Test
    void aRecordingGapLongerThanTheMaximumEndsAnEventAndIsNeverPartOfOne() {
        // a tunnel: the motorway leg goes on at 150 km/h while 25 fixes (130 s between the fixes around it) are lost
        SyntheticTrack track = track(47.37, 8.54).move(90, 12_500, 150).stay(Duration.ofMinutes(2), 0);
        SyntheticTrack.Leg motorway = track.legs().get(0);
        int lostFrom = motorway.firstFix() + 10;
        int lostTo = lostFrom + 25;
        Fixes tunnel = new Fixes();
        for (int i = 0; i < track.fixes().size(); i++) {
            if (i < lostFrom || i >= lostTo) {
                tunnel.add(track.fixes(), i);
            }
        }

        // 130 s is below the default 300 s: the speed across the gap is measured, and it is 150 km/h
        List<SpeedEvent> bridged = all(tunnel, DEFAULTS);
        assertThat(bridged).hasSize(1);
        assertThat(bridged.get(0).distanceMeters()).isCloseTo(12_500, within(1e-3));

        List<SpeedEvent> split = all(tunnel, new SpeedEventParams(130, 0, 10, 30, 60));
        assertThat(split).extracting(SpeedEvent::startMillis).containsExactly(motorway.startMillis(),
                track.fixes().time(lostTo));
        assertThat(split.get(0).endMillis()).isEqualTo(track.fixes().time(lostFrom - 1));
        assertThat(split.get(1).endMillis()).isEqualTo(motorway.endMillis());
    }

    @Test
    void duplicateTimesHaveNoSpeedAndChangeNothingButTheFixCount() {
        SyntheticTrack track = track(47.37, 8.54).move(90, 12_500, 150).stay(Duration.ofMinutes(2), 0);
        Fixes doubled = new Fixes();
        Fixes fixes = track.fixes();
        for (int i = 0; i < fixes.size(); i++) {
            doubled.add(fixes, i);
            if (i % 7 == 0) {
                // a second fix at the same time, 30 m off: no step of its own
                doubled.add(1_000_000 + i, fixes.time(i), fixes.lat(i) + 3e-4, fixes.lon(i), Double.NaN, Double.NaN);
            }
        }
        SpeedEvent plain = all(fixes, DEFAULTS).get(0);
        List<SpeedEvent> events = all(doubled, DEFAULTS);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).startMillis()).isEqualTo(plain.startMillis());
        assertThat(events.get(0).endMillis()).isEqualTo(plain.endMillis());
        assertThat(events.get(0).fixCount()).isGreaterThan(plain.fixCount());
    }

    @Test
    void aLegAcrossTheAntimeridianIsMeasuredTheShortWay() {
        SyntheticTrack pacific = track(-17.0, 179.9).move(90, 25_000, 300).stay(Duration.ofMinutes(2), 0);
        assertThat(pacific.lon()).isLessThan(0);

        List<SpeedEvent> events = all(pacific.fixes(), DEFAULTS);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).distanceMeters()).isCloseTo(25_000, within(1e-2));
        assertThat(events.get(0).maxSpeedKmh()).isCloseTo(300, within(1e-6));
    }

    @Test
    void anEventAcrossLocalMidnightAndADstChangeIsOneEventOfItsTrueDuration() {
        // Zurich leaves winter time at 2026-03-29T01:00Z (02:00 local becomes 03:00); events are in instants, so a
        // drive from 00:58 to 01:03 UTC (01:58 CET to 03:03 CEST, across the skipped hour) lasts 5 minutes
        SyntheticTrack night = SyntheticTrack.startingAt(Instant.parse("2026-03-29T00:56:00Z"), 47.37, 8.54, 3)
                .sampleEvery(Duration.ofSeconds(5)).stay(Duration.ofMinutes(2), 0).move(90, 12_500, 150)
                .stay(Duration.ofMinutes(2), 0);

        List<SpeedEvent> events = all(night.fixes(), DEFAULTS);

        assertThat(events).hasSize(1);
        assertThat(Instant.ofEpochMilli(events.get(0).startMillis())).isEqualTo(Instant.parse("2026-03-29T00:58:00Z"));
        assertThat(events.get(0).durationSeconds()).isEqualTo(300.0);
    }

    @Test
    void noFixOrOneFixFindsNothingAndResumesWhereTheNextStepStarts() {
        StreamResult<SpeedEvent> none = SpeedEvents.detect(new Fixes(), 0, DEFAULTS);
        assertThat(none.finals()).isEmpty();
        assertThat(none.resumeIndex()).isZero();

        Fixes one = new Fixes().add(1, T0.toEpochMilli(), 47, 8, Double.NaN, Double.NaN);
        StreamResult<SpeedEvent> single = SpeedEvents.detect(one, 0, DEFAULTS);
        assertThat(single.finals()).isEmpty();
        assertThat(single.provisional()).isEmpty();
        assertThat(single.resumeIndex()).isZero();
        assertThat(single.contextIndex()).isZero();
    }

    @Test
    void anEventOpenAtTheEndIsProvisionalAndTheNextCallResumesAtItsFirstFix() {
        SyntheticTrack track = track(47.37, 8.54).move(90, 12_500, 150);
        SyntheticTrack.Leg motorway = track.legs().get(0);

        StreamResult<SpeedEvent> result = SpeedEvents.detect(track.fixes(), 0, DEFAULTS);

        assertThat(result.finals()).isEmpty();
        assertThat(result.provisional()).hasSize(1);
        assertThat(result.resumeIndex()).isEqualTo(motorway.firstFix());
        assertThat(result.contextIndex()).isEqualTo(motorway.firstFix());
    }

    @Test
    void chunkedCallsFindWhatOneCallFinds() {
        SyntheticTrack track = SyntheticTrack.startingAt(T0, 47.37, 8.54, 11).sampleEvery(Duration.ofSeconds(5));
        Random random = new Random(5);
        for (int part = 0; part < 40; part++) {
            track.stay(Duration.ofSeconds(30 + random.nextInt(300)), 8)
                    .move(random.nextDouble() * 360, 500 + random.nextInt(8_000), 2 + random.nextInt(200));
            if (random.nextInt(6) == 0) {
                track.gap(Duration.ofMinutes(2 + random.nextInt(10)));
            }
            if (random.nextInt(5) == 0) {
                // a duplicate time inside the track
                Fixes fixes = track.fixes();
                int last = fixes.size() - 1;
                track.fixes().add(5_000_000 + part, fixes.time(last), fixes.lat(last), fixes.lon(last) + 1e-4,
                        Double.NaN, Double.NaN);
            }
        }
        Fixes fixes = track.fixes();
        SpeedEventParams params = new SpeedEventParams(100, 4, 8, 20, 300);
        List<SpeedEvent> whole = ChunkedRun.whole(fixes, (chunk, from) -> SpeedEvents.detect(chunk, from, params));
        assertThat(whole).extracting(SpeedEvent::kind).contains(SpeedKind.FAST, SpeedKind.SLOW);
        assertThat(whole.size()).isGreaterThan(20);
        for (int seed = 0; seed < 20; seed++) {
            Random cutter = new Random(seed);
            int[] cuts = IntStream.generate(() -> cutter.nextInt(fixes.size() + 1)).limit(1 + cutter.nextInt(60))
                    .sorted().toArray();
            assertThat(ChunkedRun.inChunks(fixes, cuts, (chunk, from) -> SpeedEvents.detect(chunk, from, params)))
                    .as("cuts %s", Arrays.toString(cuts)).isEqualTo(whole);
        }
    }

    @Test
    void anEventBelongsToTheTripWhoseSpanHoldsItsStart() {
        TripAtTime trips = new TripAtTime(List.of(new TripSpan(7, 1_000, 2_000), new TripSpan(9, 5_000, 6_000)));

        assertThat(trips.at(999)).isNull();
        assertThat(trips.at(1_000)).isEqualTo(7);
        assertThat(trips.at(2_000)).isEqualTo(7);
        assertThat(trips.at(3_000)).isNull();
        assertThat(trips.at(5_500)).isEqualTo(9);
        assertThat(trips.at(6_001)).isNull();
        assertThat(new TripAtTime(List.of()).at(1_000)).isNull();
    }
}
