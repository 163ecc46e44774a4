package dev.tracks.analysis.worker.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransportModeTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");
    private static final TransportModeParams DEFAULTS = SkillParams.defaults(TransportModeParams.class);
    private static final long TOLERANCE_MILLIS = 60_000;

    private static SyntheticTrack track(long seed) {
        return SyntheticTrack.startingAt(MORNING, 47.37, 8.54, seed);
    }

    private static List<MovementSegment> all(SyntheticTrack track) {
        return ChunkedSegments.whole(track.fixes(), DEFAULTS);
    }

    @ParameterizedTest(name = "{0} km/h -> {1}, {2}")
    @CsvSource({
        "5, WALK, SLOW_MOBILITY",
        // trackintel's coarse classes: 18 km/h is at or above slowMaxKmh (15), so motorized.
        "18, BICYCLE, MOTORIZED_MOBILITY",
        "120, RAIL, FAST_MOBILITY",
        "800, AIRPLANE, FAST_MOBILITY"})
    void aLegAtTypicalSpeedIsOneSegmentOfItsMode(double kmh, FineMode fine, CoarseMode coarse) {
        SyntheticTrack track = track(1).stay(Duration.ofMinutes(10), 3)
                .move(70, kmh * 1000 / 6, kmh)
                .stay(Duration.ofMinutes(10), 3);
        SyntheticTrack.Leg leg = track.legs().get(0);

        List<MovementSegment> segments = all(track);

        assertThat(segments).hasSize(1);
        MovementSegment segment = segments.get(0);
        assertThat(segment.fine()).isEqualTo(fine);
        assertThat(segment.coarse()).isEqualTo(coarse);
        assertThat(segment.medianSpeedKmh()).isCloseTo(kmh, within(kmh * 0.05));
        assertThat(segment.startMillis()).isCloseTo(leg.startMillis(), within(TOLERANCE_MILLIS));
        assertThat(segment.endMillis()).isCloseTo(leg.endMillis(), within(TOLERANCE_MILLIS));
        assertThat(segment.lengthMeters()).isCloseTo(kmh * 1000 / 6, within(kmh * 1000 / 6 * 0.05 + 50));
    }

    /**
     * Drives {@code meters} through a street grid at {@code kmh}: 500 m east, 500 m north, and so on. Straight runs
     * at constant speed without turns are what a train does; a car turns at junctions.
     */
    private static SyntheticTrack streets(SyntheticTrack track, double meters, double kmh) {
        for (int block = 0; block * 500 < meters; block++) {
            track.move(block % 2 == 0 ? 90 : 0, Math.min(500, meters - block * 500), kmh);
        }
        return track;
    }

    @Test
    void aCarWithShortStopsIsOneRoadVehicleSegment() {
        SyntheticTrack track = track(2).stay(Duration.ofMinutes(10), 3);
        for (int block = 0; block < 4; block++) {
            streets(track, 1500, 50).stay(Duration.ofSeconds(50), 2);
        }
        streets(track, 1500, 50).stay(Duration.ofMinutes(10), 3);
        List<SyntheticTrack.Leg> legs = track.legs();

        List<MovementSegment> segments = all(track);

        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).fine()).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(segments.get(0).coarse()).isEqualTo(CoarseMode.MOTORIZED_MOBILITY);
        assertThat(segments.get(0).startMillis()).isCloseTo(legs.get(0).startMillis(), within(TOLERANCE_MILLIS));
        assertThat(segments.get(0).endMillis()).isCloseTo(legs.get(legs.size() - 1).endMillis(),
                within(TOLERANCE_MILLIS));
    }

    @Test
    void walkCarWalkWithoutStopsChangesModeAtTheTrueChangePoints() {
        SyntheticTrack track = track(3).stay(Duration.ofMinutes(10), 3)
                .move(0, 500, 5)
                .move(0, 8000, 50)
                .move(0, 400, 5)
                .stay(Duration.ofMinutes(10), 3);
        List<SyntheticTrack.Leg> legs = track.legs();

        List<MovementSegment> segments = all(track);

        assertThat(segments).extracting(MovementSegment::fine)
                .containsExactly(FineMode.WALK, FineMode.ROAD_VEHICLE, FineMode.WALK);
        for (int i = 0; i < 3; i++) {
            assertThat(segments.get(i).startMillis()).isCloseTo(legs.get(i).startMillis(), within(TOLERANCE_MILLIS));
            assertThat(segments.get(i).endMillis()).isCloseTo(legs.get(i).endMillis(), within(TOLERANCE_MILLIS));
        }
        assertThat(segments.get(0).lastFixId()).isEqualTo(segments.get(1).firstFixId());
        assertThat(segments.get(1).lastFixId()).isEqualTo(segments.get(2).firstFixId());
    }

    @Test
    void blipsShorterThanTheMinimumAreMergedIntoTheirSegment() {
        SyntheticTrack car = streets(streets(track(4).stay(Duration.ofMinutes(10), 3), 3000, 50).move(0, 40, 5),
                3000, 50).stay(Duration.ofMinutes(10), 3);
        SyntheticTrack walk = track(5).stay(Duration.ofMinutes(10), 3)
                .move(0, 600, 5).move(0, 120, 14).move(0, 600, 5)
                .stay(Duration.ofMinutes(10), 3);

        assertThat(all(car)).extracting(MovementSegment::fine).containsExactly(FineMode.ROAD_VEHICLE);
        assertThat(all(walk)).extracting(MovementSegment::fine).containsExactly(FineMode.WALK);
    }

    @Test
    void aGapLongerThan15MinutesEndsTheSegmentAShorterOneDoesNot() {
        SyntheticTrack split = walkWithOneSilentStretch(16);
        SyntheticTrack joined = walkWithOneSilentStretch(14);
        SyntheticTrack.Leg silent = split.legs().get(1);

        List<MovementSegment> segments = all(split);

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).lastFixId()).isEqualTo(split.fixes().id(silent.firstFix()));
        assertThat(segments.get(1).firstFixId()).isEqualTo(split.fixes().id(silent.firstFix() + 1));
        assertThat(all(joined)).extracting(MovementSegment::fine).containsExactly(FineMode.WALK);
    }

    /** Walks on while the device records nothing for {@code minutes}: one fix, then the next after that time. */
    private static SyntheticTrack walkWithOneSilentStretch(int minutes) {
        return track(6).move(0, 1000, 5)
                .sampleEvery(Duration.ofMinutes(minutes)).move(0, 5000.0 / 60 * minutes, 5)
                .sampleEvery(Duration.ofSeconds(10)).move(0, 1000, 5);
    }

    @Test
    void aSubwayRideWithoutSignalIsARailSegmentBetweenTheWalksEvenBeyond15Minutes() {
        SyntheticTrack track = track(12).stay(Duration.ofMinutes(10), 3).move(0, 500, 5)
                .sampleEvery(Duration.ofMinutes(20)).move(0, 12_000, 36)
                .sampleEvery(Duration.ofSeconds(10)).move(0, 500, 5).stay(Duration.ofMinutes(10), 3);
        SyntheticTrack.Leg ride = track.legs().get(1);

        List<MovementSegment> segments = all(track);

        assertThat(segments).extracting(MovementSegment::fine)
                .containsExactly(FineMode.WALK, FineMode.RAIL, FineMode.WALK);
        assertThat(segments.get(1).firstFixId()).isEqualTo(track.fixes().id(ride.firstFix()));
        assertThat(segments.get(1).fixCount()).isEqualTo(2);
        assertThat(segments.get(1).features().signalLossShare()).isEqualTo(1.0);
        assertThat(segments.get(1).medianSpeedKmh()).isCloseTo(36, within(2.0));
    }

    @Test
    void aGapBeyond15MinutesWithoutRideSpeedStillEndsTheMovement() {
        SyntheticTrack track = track(13).stay(Duration.ofMinutes(10), 3).move(0, 1000, 5)
                .sampleEvery(Duration.ofMinutes(20)).move(0, 5000, 15)
                .sampleEvery(Duration.ofSeconds(10)).move(0, 1000, 5);

        assertThat(all(track)).extracting(MovementSegment::fine).containsExactly(FineMode.WALK, FineMode.WALK);
    }

    @Test
    void aWalkThatWindsAndWaitsAfterACarIsAWalkSegment() {
        SyntheticTrack track = streets(track(14).stay(Duration.ofMinutes(10), 3), 3000, 40);
        long walkStart = track.nowMillis();
        for (int corner = 0; corner < 6; corner++) {
            track.move(corner * 90, 60, 4).stay(Duration.ofSeconds(20), 3);
        }
        track.stay(Duration.ofMinutes(10), 3);

        List<MovementSegment> segments = all(track);

        assertThat(segments).extracting(MovementSegment::fine)
                .containsExactly(FineMode.ROAD_VEHICLE, FineMode.WALK);
        assertThat(segments.get(1).startMillis()).isCloseTo(walkStart, within(TOLERANCE_MILLIS));
    }

    @Test
    void aWalkAfterAStayStartsWhereTheWalkerSetOffNotWhenTheStillWindowLetsGo() {
        SyntheticTrack track = track(15).stay(Duration.ofMinutes(10), 3).move(0, 1000, 5)
                .stay(Duration.ofMinutes(10), 3);

        List<MovementSegment> segments = all(track);

        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).startMillis()).isCloseTo(track.legs().get(0).startMillis(), within(20_000L));
    }

    @Test
    void aBusLeavingItsStopIsNotSwallowedByTheWalkBefore() {
        // 30 s to the next stop at 40 km/h: 330 m, shorter than minSegmentSeconds but farther than 250 m.
        SyntheticTrack track = track(16).stay(Duration.ofMinutes(10), 3).move(0, 400, 5)
                .stay(Duration.ofSeconds(90), 3);
        long busStart = track.nowMillis();
        for (int stop = 0; stop < 6; stop++) {
            streets(track, 330, 40).stay(Duration.ofSeconds(45), 3);
        }
        track.stay(Duration.ofMinutes(10), 3);

        List<MovementSegment> segments = all(track);

        assertThat(segments).extracting(MovementSegment::fine)
                .containsExactly(FineMode.WALK, FineMode.ROAD_VEHICLE);
        assertThat(segments.get(1).startMillis()).isCloseTo(busStart, within(20_000L));
    }

    @Test
    void aStayOfFiveMinutesEndsTheSegment() {
        SyntheticTrack track = track(7).move(0, 1000, 5).stay(Duration.ofMinutes(6), 3).move(0, 1000, 5);

        List<MovementSegment> segments = all(track);

        assertThat(segments).extracting(MovementSegment::fine).containsExactly(FineMode.WALK, FineMode.WALK);
        assertThat(segments.get(0).endMillis()).isCloseTo(track.stays().get(0).startMillis(),
                within(TOLERANCE_MILLIS));
        assertThat(segments.get(1).startMillis()).isCloseTo(track.stays().get(0).endMillis(),
                within(TOLERANCE_MILLIS));
    }

    @Test
    void theOpenSegmentAtTheEndIsProvisionalAndResumedAtItsFirstFix() {
        SyntheticTrack track = track(8).move(0, 1000, 5).stay(Duration.ofMinutes(6), 3).move(0, 3000, 50);
        Fixes fixes = track.fixes();

        StreamResult<MovementSegment> result = TransportMode.segments(fixes, 0, DEFAULTS);

        assertThat(result.finals()).extracting(MovementSegment::fine).containsExactly(FineMode.WALK);
        assertThat(result.provisional()).extracting(MovementSegment::fine).containsExactly(FineMode.ROAD_VEHICLE);
        assertThat(fixes.id(result.resumeIndex())).isEqualTo(result.provisional().get(0).firstFixId());
        assertThat(fixes.time(result.contextIndex()))
                .isGreaterThanOrEqualTo(fixes.time(result.resumeIndex()) - StepProfile.CONTEXT_MILLIS - 10_000);
    }

    @Test
    void aFlightAcrossTheAntimeridianIsOneAirplaneSegment() {
        SyntheticTrack track = SyntheticTrack.startingAt(MORNING, -17.0, 178.0, 9).stay(Duration.ofMinutes(10), 3)
                .move(90, 600_000, 800).stay(Duration.ofMinutes(10), 3);

        List<MovementSegment> segments = all(track);

        assertThat(segments).extracting(MovementSegment::fine).containsExactly(FineMode.AIRPLANE);
        assertThat(segments.get(0).lengthMeters()).isCloseTo(600_000, within(3000.0));
    }

    @Test
    void duplicateTimestampsAddLengthButNoSpeed() {
        SyntheticTrack track = track(10).move(0, 1000, 5);
        double plainLength = all(track).get(0).lengthMeters();
        Fixes fixes = new Fixes();
        for (int i = 0; i < track.fixes().size(); i++) {
            fixes.add(track.fixes(), i);
            if (i % 5 == 0) {
                fixes.add(1_000_000 + i, track.fixes().time(i), track.fixes().lat(i), track.fixes().lon(i) + 1e-5,
                        Double.NaN, Double.NaN);
            }
        }

        StreamResult<MovementSegment> result = TransportMode.segments(fixes, 0, DEFAULTS);

        assertThat(result.provisional()).hasSize(1);
        assertThat(result.provisional().get(0).fine()).isEqualTo(FineMode.WALK);
        assertThat(result.provisional().get(0).fixCount()).isEqualTo(fixes.size());
        assertThat(result.provisional().get(0).lengthMeters()).isGreaterThan(plainLength + 10);
        assertThat(result.provisional().get(0).medianSpeedKmh()).isCloseTo(5, within(0.01));
    }

    @Test
    void noFixOrOneFixGivesNoSegment() {
        StreamResult<MovementSegment> none = TransportMode.segments(new Fixes(), 0, DEFAULTS);
        Fixes one = new Fixes().add(1, MORNING.toEpochMilli(), 47, 8, Double.NaN, Double.NaN);
        StreamResult<MovementSegment> single = TransportMode.segments(one, 0, DEFAULTS);

        assertThat(none.finals()).isEmpty();
        assertThat(none.provisional()).isEmpty();
        assertThat(none.resumeIndex()).isZero();
        assertThat(single.finals()).isEmpty();
        assertThat(single.provisional()).isEmpty();
        assertThat(single.resumeIndex()).isZero();
    }

    @Test
    void chunkedRunsGiveExactlyTheWholeResult() {
        SyntheticTrack track = track(11).sampleEvery(Duration.ofSeconds(3)).stay(Duration.ofMinutes(8), 4)
                .move(30, 700, 5).move(30, 6000, 45).stay(Duration.ofSeconds(40), 2).move(120, 4000, 40)
                .move(120, 30, 6).move(120, 300, 5).stay(Duration.ofMinutes(7), 4).move(200, 3000, 18)
                .gap(Duration.ofMinutes(20)).move(10, 40_000, 120).move(10, 500, 5).gap(Duration.ofMinutes(5))
                .move(10, 200, 5).stay(Duration.ofMinutes(20), 4).move(300, 2000, 16);
        Fixes fixes = withDuplicates(track.fixes(), 12);
        List<MovementSegment> whole = ChunkedSegments.whole(fixes, DEFAULTS);
        Random random = new Random(42);

        assertThat(whole).hasSizeGreaterThan(6);
        for (int round = 0; round < 40; round++) {
            int[] cuts = random.ints(1 + random.nextInt(12), 1, fixes.size()).sorted().distinct().toArray();
            assertThat(ChunkedSegments.run(fixes, cuts, DEFAULTS)).as("cuts %s", Arrays.toString(cuts))
                    .isEqualTo(whole);
        }
        int[] everyFix = IntStream.range(1, fixes.size()).toArray();
        assertThat(ChunkedSegments.run(fixes, everyFix, DEFAULTS)).isEqualTo(whole);
    }

    /** A copy of {@code fixes} where every {@code every}-th fix is followed by a second fix at the same time. */
    static Fixes withDuplicates(Fixes fixes, int every) {
        Fixes copy = new Fixes();
        for (int i = 0; i < fixes.size(); i++) {
            copy.add(fixes, i);
            if (i % every == 0) {
                copy.add(10_000_000L + i, fixes.time(i), fixes.lat(i), fixes.lon(i) + 2e-5, Double.NaN, Double.NaN);
            }
        }
        return copy;
    }
}
