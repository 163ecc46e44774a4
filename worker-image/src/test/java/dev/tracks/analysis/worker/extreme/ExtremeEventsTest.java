package dev.tracks.analysis.worker.extreme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.footprint.FootprintsTable.StoredHome;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's records on generated tracks whose extremes are known. */
class ExtremeEventsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");
    private static final ExtremeEventParams DEFAULTS = SkillParams.defaults(ExtremeEventParams.class);
    private static final StoredHome ZURICH = new StoredHome(47.37, 8.54);

    private static Map<ExtremeKind, ExtremeEvent> byKind(List<ExtremeEvent> events) {
        Map<ExtremeKind, ExtremeEvent> kinds = new EnumMap<>(ExtremeKind.class);
        events.forEach(event -> assertThat(kinds.put(event.kind(), event)).as("one %s", event.kind()).isNull());
        return kinds;
    }

    /** 10 min at home, 10 km east at 60 km/h, a 15 s burst at 200 km/h, home again, an hour off, a far fix. */
    private static SyntheticTrack day() {
        return SyntheticTrack.startingAt(T0, ZURICH.lat(), ZURICH.lon(), 3).sampleEvery(Duration.ofSeconds(5))
                .stay(Duration.ofMinutes(10), 0)
                .move(90, 10_000, 60)
                .move(90, 200 / 3.6 * 15, 200)
                .move(270, 10_000 + 200 / 3.6 * 15, 60)
                .stay(Duration.ofMinutes(10), 0)
                .gap(Duration.ofHours(1))
                .fixAt(47.37, 9.54);
    }

    @Test
    void theDefaultIsGpxpysFivePercent() {
        assertThat(DEFAULTS.ignoredTopSpeedShare()).isEqualTo(0.05);
    }

    @Test
    void theTopSpeedIgnoresTheFastestShareOfStepsAsGpxpyDoes() {
        SyntheticTrack day = day();
        // 254 moving steps (the stays are exact: 0 km/h): the 3 burst steps and the jump after the gap (75 km/h)
        // are the fastest 4, within the top 5 % (12 steps)
        Map<ExtremeKind, ExtremeEvent> robust = byKind(ExtremeEvents.find(day.fixes(), List.of(), null, DEFAULTS));
        assertThat(robust.get(ExtremeKind.MAX_SPEED).value()).isCloseTo(60, within(1e-6));
        assertThat(robust.get(ExtremeKind.MAX_SPEED).kind().unit()).isEqualTo("km/h");

        Map<ExtremeKind, ExtremeEvent> all = byKind(ExtremeEvents.find(day.fixes(), List.of(), null,
                new ExtremeEventParams(0)));
        // the true maximum: one of the burst's three steps (equal but for rounding), at its first fix
        ExtremeEvent top = all.get(ExtremeKind.MAX_SPEED);
        SyntheticTrack.Leg burst = day.legs().get(1);
        assertThat(top.value()).isCloseTo(200, within(1e-6));
        assertThat(top.millis()).isBetween(burst.startMillis(), burst.endMillis() - 5_000);
        int step = burst.firstFix() + (int) ((top.millis() - burst.startMillis()) / 5_000);
        assertThat(top.referenceId()).isEqualTo(day.fixes().id(step));
    }

    @Test
    void farthestFromHomeLongestJumpAndLongestGapAreFoundWhereTheyHappened() {
        SyntheticTrack day = day();
        Fixes fixes = day.fixes();
        int far = fixes.size() - 1;

        Map<ExtremeKind, ExtremeEvent> records = byKind(ExtremeEvents.find(fixes, List.of(), ZURICH, DEFAULTS));

        double farMeters = Geodesy.distanceMeters(ZURICH.lat(), ZURICH.lon(), 47.37, 9.54);
        assertThat(records.get(ExtremeKind.FARTHEST_FROM_HOME).value()).isCloseTo(farMeters, within(1e-6));
        assertThat(records.get(ExtremeKind.FARTHEST_FROM_HOME).referenceId()).isEqualTo(fixes.id(far));
        assertThat(records.get(ExtremeKind.LONGEST_JUMP).value()).isCloseTo(
                Geodesy.distanceMeters(fixes.lat(far - 1), fixes.lon(far - 1), 47.37, 9.54), within(1e-6));
        assertThat(records.get(ExtremeKind.LONGEST_JUMP).referenceId()).isEqualTo(fixes.id(far - 1));
        assertThat(records.get(ExtremeKind.LONGEST_GAP).value()).isEqualTo(3605.0);
        assertThat(records.get(ExtremeKind.LONGEST_GAP).millis()).isEqualTo(fixes.time(far - 1));
        assertThat(records.get(ExtremeKind.LONGEST_GAP).kind().unit()).isEqualTo("s");
        // no trips and no altitudes: no such rows
        assertThat(records).doesNotContainKeys(ExtremeKind.LONGEST_TRIP_DURATION, ExtremeKind.HIGHEST_ALTITUDE);
    }

    @Test
    void theLongestTripByDurationAndByDistanceAreTheTripsAtTheirStart() {
        SyntheticTrack day = day();
        List<SyntheticTrack.Leg> legs = day.legs();
        // a long slow trip (the outward leg), and a shorter but farther one (burst and return)
        TripSpan outward = new TripSpan(11, legs.get(0).startMillis() - 300_000, legs.get(0).endMillis());
        TripSpan back = new TripSpan(12, legs.get(1).startMillis(), legs.get(2).endMillis());

        Map<ExtremeKind, ExtremeEvent> records = byKind(ExtremeEvents.find(day.fixes(), List.of(outward, back),
                null, DEFAULTS));

        ExtremeEvent longest = records.get(ExtremeKind.LONGEST_TRIP_DURATION);
        assertThat(longest.referenceId()).isEqualTo(11);
        assertThat(longest.value()).isEqualTo(900.0);
        assertThat(longest.millis()).isEqualTo(outward.startMillis());
        assertThat(longest.lat()).isCloseTo(ZURICH.lat(), within(1e-9));
        ExtremeEvent farthest = records.get(ExtremeKind.LONGEST_TRIP_DISTANCE);
        assertThat(farthest.referenceId()).isEqualTo(12);
        // along its fixes: the burst and the return leg up to the first fix at home, at the trip's end
        assertThat(farthest.value()).isCloseTo(2 * 200 / 3.6 * 15 + 10_000, within(1e-3));
    }

    @Test
    void altitudesSkipUnknownValues() {
        Fixes fixes = new Fixes();
        double[] altitudes = {Double.NaN, 420, 1_250.5, Double.NaN, -3, 1_250.5};
        for (int i = 0; i < altitudes.length; i++) {
            fixes.add(i + 1, T0.toEpochMilli() + i * 1000L, 47, 8 + i * 1e-4, altitudes[i], Double.NaN);
        }

        Map<ExtremeKind, ExtremeEvent> records = byKind(ExtremeEvents.find(fixes, List.of(), null, DEFAULTS));

        assertThat(records.get(ExtremeKind.HIGHEST_ALTITUDE).value()).isEqualTo(1_250.5);
        assertThat(records.get(ExtremeKind.HIGHEST_ALTITUDE).referenceId()).isEqualTo(3); // the earlier of the tie
        assertThat(records.get(ExtremeKind.LOWEST_ALTITUDE).value()).isEqualTo(-3);
        assertThat(records.get(ExtremeKind.LOWEST_ALTITUDE).referenceId()).isEqualTo(5);
        // 5 steps are below gpxpy's 20: no top speed
        assertThat(records).doesNotContainKey(ExtremeKind.MAX_SPEED);
    }

    @Test
    void noFixesGiveNoRecordsAndOneFixOnlyItsDistanceFromHome() {
        assertThat(ExtremeEvents.find(new Fixes(), List.of(), ZURICH, DEFAULTS)).isEmpty();

        Fixes one = new Fixes().add(42, T0.toEpochMilli(), 47.37, 8.64, Double.NaN, Double.NaN);
        List<ExtremeEvent> records = ExtremeEvents.find(one, List.of(), ZURICH, DEFAULTS);

        assertThat(records).extracting(ExtremeEvent::kind).containsExactly(ExtremeKind.FARTHEST_FROM_HOME);
        assertThat(records.get(0).referenceId()).isEqualTo(42);
    }

    @Test
    void duplicateTimesHaveNoSpeedAndAGapOfZero() {
        Fixes fixes = new Fixes();
        for (int i = 0; i < 30; i++) {
            long millis = T0.toEpochMilli() + (i / 2) * 10_000L; // every time twice
            fixes.add(i + 1, millis, 47, 8 + i * 1e-3, Double.NaN, Double.NaN);
        }

        Map<ExtremeKind, ExtremeEvent> records = byKind(ExtremeEvents.find(fixes, List.of(), null,
                new ExtremeEventParams(0)));

        // 15 steps between distinct times only: below 20, no speed (a step within a time would be infinitely fast)
        assertThat(records).doesNotContainKey(ExtremeKind.MAX_SPEED);
        assertThat(records.get(ExtremeKind.LONGEST_GAP).value()).isEqualTo(10.0);
    }

    @Test
    void aJumpAcrossTheAntimeridianIsMeasuredTheShortWay() {
        Fixes fixes = new Fixes()
                .add(1, T0.toEpochMilli(), -17.0, 179.95, Double.NaN, Double.NaN)
                .add(2, T0.toEpochMilli() + 60_000, -17.0, -179.95, Double.NaN, Double.NaN);

        ExtremeEvent jump = byKind(ExtremeEvents.find(fixes, List.of(), null, DEFAULTS))
                .get(ExtremeKind.LONGEST_JUMP);

        assertThat(jump.value()).isCloseTo(Geodesy.distanceMeters(-17, 0, -17, 0.1), within(1e-6));
        assertThat(jump.value()).isLessThan(11_000);
    }
}
