package dev.tracks.analysis.worker.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.mode.TransportMode;
import dev.tracks.analysis.worker.mode.TransportModeParams;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TripConstructionTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T06:00:00Z");
    private static final TripParams DEFAULTS = SkillParams.defaults(TripParams.class);
    private static final long T0 = MORNING.toEpochMilli();

    /** Home, bike to a short stop, drive to work, walk, a 30 min gap, drive home. */
    private static SyntheticTrack day() {
        return SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 21)
                .stay(Duration.ofMinutes(60), 5)
                .move(0, 2000, 18)
                .stay(Duration.ofMinutes(8), 5)
                .move(45, 3000, 40)
                .stay(Duration.ofHours(4), 5)
                .move(90, 1500, 5)
                .gap(Duration.ofMinutes(30))
                .move(200, 3000, 40)
                .stay(Duration.ofMinutes(60), 5);
    }

    @Test
    void aDayGivesTheTriplegsBetweenStaysAndTripsBetweenActivities() {
        SyntheticTrack day = day();
        Fixes fixes = day.fixes();
        List<SyntheticTrack.Leg> legs = day.legs();

        TripConstruction.Result result = TripConstruction.construct(fixes, 0, stays(day), modes(fixes), DEFAULTS);

        assertThat(result.triplegs().provisional()).isEmpty();
        List<Tripleg> triplegs = result.triplegs().finals();
        assertThat(triplegs).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(triplegs.get(i).firstFixId()).isEqualTo(fixes.id(legs.get(i).firstFix()));
            assertThat(triplegs.get(i).lastFixId()).isEqualTo(fixes.id(legs.get(i).lastFix()));
            assertThat(triplegs.get(i).fixCount()).isEqualTo(legs.get(i).lastFix() - legs.get(i).firstFix() + 1);
        }
        assertThat(triplegs).extracting(Tripleg::mode).containsExactly(FineMode.BICYCLE, FineMode.ROAD_VEHICLE,
                FineMode.WALK, FineMode.ROAD_VEHICLE);
        assertThat(triplegs).extracting(Tripleg::modeCoarse).containsExactly(CoarseMode.MOTORIZED_MOBILITY,
                CoarseMode.MOTORIZED_MOBILITY, CoarseMode.SLOW_MOBILITY, CoarseMode.MOTORIZED_MOBILITY);

        assertThat(result.trips().provisional()).isEmpty();
        List<SyntheticTrack.Stay> stays = day.stays();
        assertThat(result.trips().finals()).containsExactly(
                new Trip(triplegs.get(0).id(), legs.get(0).startMillis(), fixes.time(legs.get(1).lastFix()),
                        OptionalLong.of(1), OptionalLong.of(3), List.of(triplegs.get(0).id(), triplegs.get(1).id()),
                        List.of(2L)),
                new Trip(triplegs.get(2).id(), legs.get(2).startMillis(), fixes.time(legs.get(2).lastFix()),
                        OptionalLong.of(3), OptionalLong.empty(), List.of(triplegs.get(2).id()), List.of()),
                new Trip(triplegs.get(3).id(), legs.get(3).startMillis(), fixes.time(legs.get(3).lastFix()),
                        OptionalLong.empty(), OptionalLong.of(4), List.of(triplegs.get(3).id()), List.of()));
        assertThat(stays).hasSize(4);
    }

    @Test
    void aStayOfExactlyTheThresholdIsNoActivity() {
        assertThat(DEFAULTS.isActivity(new StayInterval(1, T0, T0 + 15 * 60_000))).isFalse();
        assertThat(DEFAULTS.isActivity(new StayInterval(1, T0, T0 + 15 * 60_000 + 1))).isTrue();

        SyntheticTrack exactly = stopBetweenTwoWalks(Duration.ofMinutes(15));
        SyntheticTrack longer = stopBetweenTwoWalks(Duration.ofMinutes(15).plusSeconds(10));

        assertThat(tripsOf(exactly)).hasSize(1);
        assertThat(tripsOf(exactly).get(0).stayIds()).containsExactly(1L);
        assertThat(tripsOf(longer)).extracting(Trip::destinationStayId, Trip::originStayId).containsExactly(
                tuple(OptionalLong.of(1), OptionalLong.empty()),
                tuple(OptionalLong.empty(), OptionalLong.of(1)));
    }

    private static SyntheticTrack stopBetweenTwoWalks(Duration stop) {
        return SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 22).move(0, 1000, 5).stay(stop, 5).move(0, 1000, 5);
    }

    private static List<Trip> tripsOf(SyntheticTrack track) {
        TripConstruction.Result result = TripConstruction.construct(track.fixes(), 0, stays(track), List.of(),
                DEFAULTS);
        List<Trip> trips = new ArrayList<>(result.trips().finals());
        trips.addAll(result.trips().provisional());
        return trips;
    }

    @Test
    void aGapStrictlyLongerThanTheThresholdSplitsTriplegAndTrip() {
        Fixes exactly = walkWithSilence(15 * 60_000);
        Fixes longer = walkWithSilence(15 * 60_000 + 1);

        TripConstruction.Result joined = TripConstruction.construct(exactly, 0, List.of(), List.of(), DEFAULTS);
        TripConstruction.Result split = TripConstruction.construct(longer, 0, List.of(), List.of(), DEFAULTS);

        assertThat(joined.triplegs().provisional()).extracting(Tripleg::fixCount).containsExactly(20);
        assertThat(joined.trips().provisional()).hasSize(1);
        assertThat(split.triplegs().finals()).extracting(Tripleg::fixCount).containsExactly(10);
        assertThat(split.triplegs().provisional()).extracting(Tripleg::fixCount).containsExactly(10);
        assertThat(split.trips().finals()).extracting(Trip::originStayId, Trip::destinationStayId)
                .containsExactly(tuple(OptionalLong.empty(), OptionalLong.empty()));
        assertThat(split.trips().provisional()).hasSize(1);
        assertThat(split.triplegs().resumeIndex()).isEqualTo(10);
    }

    /** Ten fixes 10 s apart, silence of {@code silenceMillis}, ten more fixes. */
    private static Fixes walkWithSilence(long silenceMillis) {
        Fixes fixes = new Fixes();
        for (int i = 0; i < 20; i++) {
            long t = T0 + i * 10_000L + (i >= 10 ? silenceMillis - 10_000 : 0);
            fixes.add(i + 1, t, 47.37 + i * 1e-4, 8.54, Double.NaN, Double.NaN);
        }
        return fixes;
    }

    @Test
    void aTriplegTakesTheModeOverlappingItLongest() {
        List<ModeInterval> modes = List.of(
                new ModeInterval(T0 - 50_000, T0 + 30_000, CoarseMode.SLOW_MOBILITY, FineMode.WALK),
                new ModeInterval(T0 + 30_000, T0 + 100_000, CoarseMode.MOTORIZED_MOBILITY, FineMode.ROAD_VEHICLE),
                new ModeInterval(T0 + 100_000, T0 + 400_000, CoarseMode.FAST_MOBILITY, FineMode.RAIL));
        List<ModeInterval> tied = List.of(
                new ModeInterval(T0, T0 + 50_000, CoarseMode.SLOW_MOBILITY, FineMode.WALK),
                new ModeInterval(T0 + 50_000, T0 + 100_000, CoarseMode.MOTORIZED_MOBILITY, FineMode.BICYCLE));
        Fixes fixes = new Fixes();
        for (int i = 0; i <= 10; i++) {
            fixes.add(i, T0 + i * 10_000L, 47.37 + i * 1e-4, 8.54, Double.NaN, Double.NaN);
        }

        assertThat(onlyTripleg(fixes, modes).mode()).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(onlyTripleg(fixes, modes).modeCoarse()).isEqualTo(CoarseMode.MOTORIZED_MOBILITY);
        assertThat(onlyTripleg(fixes, tied).mode()).isEqualTo(FineMode.WALK);
        assertThat(onlyTripleg(fixes, List.of(modes.get(2))).mode()).isEqualTo(FineMode.UNKNOWN);
        assertThat(onlyTripleg(fixes, List.of(modes.get(2))).modeCoarse()).isEqualTo(CoarseMode.UNKNOWN);
    }

    @Test
    void aTriplegTakesTheModeThatCoversMostOfItsTimeSummedOverItsSegments() {
        // The walks take 30 + 18 s, the train 28 + 24 s (a signal dip split it); the longest segment is a walk.
        List<ModeInterval> station = List.of(
                new ModeInterval(T0, T0 + 30_000, CoarseMode.SLOW_MOBILITY, FineMode.WALK),
                new ModeInterval(T0 + 30_000, T0 + 58_000, CoarseMode.MOTORIZED_MOBILITY, FineMode.RAIL),
                new ModeInterval(T0 + 58_000, T0 + 82_000, CoarseMode.FAST_MOBILITY, FineMode.RAIL),
                new ModeInterval(T0 + 82_000, T0 + 100_000, CoarseMode.SLOW_MOBILITY, FineMode.WALK));
        Fixes fixes = new Fixes();
        for (int i = 0; i <= 10; i++) {
            fixes.add(i, T0 + i * 10_000L, 47.37 + i * 1e-4, 8.54, Double.NaN, Double.NaN);
        }

        Tripleg train = onlyTripleg(fixes, station);
        assertThat(train.mode()).isEqualTo(FineMode.RAIL);
        assertThat(train.modeCoarse()).as("the coarse class of the longest rail segment")
                .isEqualTo(CoarseMode.MOTORIZED_MOBILITY);
    }

    private static Tripleg onlyTripleg(Fixes fixes, List<ModeInterval> modes) {
        TripConstruction.Result result = TripConstruction.construct(fixes, 0, List.of(), modes, DEFAULTS);
        assertThat(result.triplegs().provisional()).hasSize(1);
        return result.triplegs().provisional().get(0);
    }

    @Test
    void aStayWithoutFixesStillSplitsTheMovement() {
        Fixes fixes = walkWithSilence(10 * 60_000);
        StayInterval unseen = new StayInterval(7, fixes.time(9) + 1000, fixes.time(10));

        TripConstruction.Result result = TripConstruction.construct(fixes, 0, List.of(unseen), List.of(), DEFAULTS);

        assertThat(result.triplegs().finals()).isEmpty();
        assertThat(result.triplegs().provisional()).extracting(Tripleg::fixCount).containsExactly(10, 10);
        assertThat(result.trips().provisional()).extracting(Trip::stayIds).containsExactly(List.of(7L));
    }

    @Test
    void withoutStaysAllMovementIsOneOpenTrip() {
        SyntheticTrack walk = SyntheticTrack.startingAt(MORNING, 47.37, 8.54, 23).move(0, 1000, 5);

        TripConstruction.Result result = TripConstruction.construct(walk.fixes(), 0, List.of(), List.of(), DEFAULTS);

        assertThat(result.triplegs().finals()).isEmpty();
        assertThat(result.triplegs().provisional()).extracting(Tripleg::fixCount).containsExactly(walk.fixes().size());
        assertThat(result.trips().provisional()).extracting(Trip::originStayId, Trip::destinationStayId)
                .containsExactly(tuple(OptionalLong.empty(), OptionalLong.empty()));
        assertThat(result.trips().resumeIndex()).isZero();
    }

    @Test
    void noFixOrOneFixGivesNothingAndResumesAtTheStart() {
        Fixes one = new Fixes().add(1, T0, 47, 8, Double.NaN, Double.NaN);
        for (Fixes fixes : List.of(new Fixes(), one)) {
            TripConstruction.Result result = TripConstruction.construct(fixes, 0, List.of(), List.of(), DEFAULTS);
            assertThat(result.triplegs().finals()).isEmpty();
            assertThat(result.triplegs().provisional()).isEmpty();
            assertThat(result.trips().finals()).isEmpty();
            assertThat(result.trips().provisional()).isEmpty();
            assertThat(result.trips().resumeIndex()).isZero();
        }
    }

    @Test
    void chunkedRunsGiveExactlyTheWholeResult() {
        SyntheticTrack day = day().move(270, 800, 5).stay(Duration.ofMinutes(3), 5).move(270, 600, 5)
                .stay(Duration.ofMinutes(20), 5).move(0, 400, 5);
        Fixes fixes = day.fixes();
        List<StayInterval> stays = stays(day);
        List<ModeInterval> modes = modes(fixes);
        ChunkedTrips whole = ChunkedTrips.run(fixes, new int[0], stays, modes);
        Random random = new Random(7);

        assertThat(whole.trips()).hasSizeGreaterThan(3);
        for (int round = 0; round < 40; round++) {
            int[] cuts = random.ints(1 + random.nextInt(15), 1, fixes.size()).sorted().distinct().toArray();
            assertThat(ChunkedTrips.run(fixes, cuts, stays, modes)).as("cuts %s", Arrays.toString(cuts))
                    .isEqualTo(whole);
        }
        int[] everyFix = IntStream.range(1, fixes.size()).toArray();
        assertThat(ChunkedTrips.run(fixes, everyFix, stays, modes)).isEqualTo(whole);
    }

    /** The generator's stays with ids 1, 2, ... in trackintel's convention (end = time of the next fix). */
    static List<StayInterval> stays(SyntheticTrack track) {
        List<StayInterval> stays = new ArrayList<>();
        for (SyntheticTrack.Stay stay : track.stays()) {
            stays.add(new StayInterval(stays.size() + 1, stay.startMillis(), stay.endMillis()));
        }
        return stays;
    }

    /** The movement segments transport_mode finds in {@code fixes}. */
    static List<ModeInterval> modes(Fixes fixes) {
        StreamResult<MovementSegment> segments = TransportMode.segments(fixes, 0, SkillParams.defaults(TransportModeParams.class));
        List<ModeInterval> modes = new ArrayList<>();
        segments.finals().forEach(segment -> modes.add(ModeInterval.of(segment)));
        segments.provisional().forEach(segment -> modes.add(ModeInterval.of(segment)));
        return modes;
    }
}
