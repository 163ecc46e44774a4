package dev.tracks.analysis.worker.utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.ChunkedRun;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import dev.tracks.analysis.worker.zone.ZoneSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * utilization_efficiency on hand-built tracks whose moving and stopped seconds, path, beeline and day lengths are
 * known exactly: a stop then a walk out and back, local midnight in Zurich (a step across it split by time), both DST
 * changes, a recording gap, duplicate times, the antimeridian, no fix and one fix; chunked calls equal one call.
 */
class UtilizationTest {

    private static final UtilizationParams PARAMS = SkillParams.defaults(UtilizationParams.class);
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final UserTimeZones.Resolver IN_ZURICH = new UserTimeZones.Resolver(ZURICH, ZoneOffset.UTC);

    /** Builds fixes one step at a time: stand still or move along a bearing at a speed, one fix per step. */
    private static final class Track {
        final Fixes fixes = new Fixes();
        long millis;
        double lat;
        double lon;

        Track(Instant start, double lat, double lon) {
            this.millis = start.toEpochMilli();
            this.lat = lat;
            this.lon = lon;
            fix();
        }

        private void fix() {
            fixes.add(fixes.size() + 1, millis, lat, lon, Double.NaN, Double.NaN);
        }

        Track still(int steps, long stepMillis) {
            for (int i = 0; i < steps; i++) {
                millis += stepMillis;
                fix();
            }
            return this;
        }

        Track move(int steps, long stepMillis, double bearing, double stepMeters) {
            for (int i = 0; i < steps; i++) {
                double[] next = Geodesy.destination(lat, lon, bearing, stepMeters);
                lat = next[0];
                lon = next[1];
                millis += stepMillis;
                fix();
            }
            return this;
        }
    }

    private static List<UtilizationSpan> all(StreamResult<UtilizationSpan> result) {
        List<UtilizationSpan> all = new ArrayList<>(result.finals());
        all.addAll(result.provisional());
        return all;
    }

    private static List<UtilizationSpan> days(List<UtilizationSpan> spans) {
        return spans.stream().filter(span -> !span.isTrip()).toList();
    }

    @Test
    void aTripsStopAndWalkOutAndBackGiveItsMovingTimeStraightnessAndCoverage() {
        // 29 still steps of 10 s (stopped), 60 steps of 100 m east (36 km/h, moving), 30 back west.
        Track track = new Track(Instant.parse("2026-05-04T08:00:00Z"), 47.37, 8.54)
                .still(29, 10_000).move(60, 10_000, 90, 100).move(30, 10_000, 270, 100);
        Fixes fixes = track.fixes;
        TripSpan trip = new TripSpan(7, fixes.time(0), fixes.time(fixes.size() - 1));

        UtilizationSpan span = all(Utilization.analyze(fixes, 0, List.of(trip), IN_ZURICH, PARAMS)).stream()
                .filter(UtilizationSpan::isTrip).findFirst().orElseThrow();

        assertThat(span.tripId()).isEqualTo(7L);
        assertThat(span.fixCount()).isEqualTo(120);
        assertThat(span.stoppedSeconds()).isCloseTo(290, within(1e-9));
        assertThat(span.movingSeconds()).isCloseTo(900, within(1e-9));
        assertThat(span.spanSeconds()).isCloseTo(1190, within(1e-9));
        assertThat(span.pathMeters()).isCloseTo(9000, within(0.01));
        assertThat(span.beelineMeters() / span.pathMeters()).as("straightness D/L").isCloseTo(1 / 3.0, within(1e-4));
        assertThat(span.localDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(span.zone().source()).isEqualTo(ZoneSource.USER);
    }

    @Test
    void aStepAcrossLocalMidnightInZurichIsSplitBetweenTheDays() {
        // Zurich is UTC+1 in January: local midnight is 23:00Z. A fix each minute from 22:30:30Z, still.
        Fixes fixes = new Track(Instant.parse("2026-01-10T22:30:30Z"), 47.37, 8.54).still(59, 60_000).fixes;

        List<UtilizationSpan> days = days(all(Utilization.analyze(fixes, 0, List.of(), IN_ZURICH, PARAMS)));

        assertThat(days).extracting(UtilizationSpan::localDate)
                .containsExactly(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 11));
        assertThat(days).extracting(UtilizationSpan::fixCount).containsExactly(30, 30);
        // 29 whole steps plus half of the step 22:59:30 -> 23:00:30 on each side
        assertThat(days).extracting(UtilizationSpan::stoppedSeconds).containsExactly(1770.0, 1770.0);
        assertThat(days).extracting(UtilizationSpan::movingSeconds).containsExactly(0.0, 0.0);
        assertThat(days).extracting(UtilizationSpan::spanSeconds).containsExactly(86_400.0, 86_400.0);
        assertThat(days.get(1).startMillis()).isEqualTo(Instant.parse("2026-01-10T23:00:30Z").toEpochMilli());
    }

    @Test
    void daysAcrossTheDstChangesLast23And25Hours() {
        // Zurich: 2026-03-29 (spring forward) and 2026-10-25 (fall back).
        Fixes spring = new Track(Instant.parse("2026-03-29T10:00:00Z"), 47.37, 8.54).still(1, 60_000).fixes;
        Fixes autumn = new Track(Instant.parse("2026-10-25T10:00:00Z"), 47.37, 8.54).still(1, 60_000).fixes;

        assertThat(days(all(Utilization.analyze(spring, 0, List.of(), IN_ZURICH, PARAMS))))
                .extracting(UtilizationSpan::spanSeconds).containsExactly(82_800.0);
        assertThat(days(all(Utilization.analyze(autumn, 0, List.of(), IN_ZURICH, PARAMS))))
                .extracting(UtilizationSpan::spanSeconds).containsExactly(90_000.0);
    }

    @Test
    void aRecordingGapIsNeitherMovingNorStoppedAndDuplicateTimesCarryNoTime() {
        Track track = new Track(Instant.parse("2026-05-04T08:00:00Z"), 47.37, 8.54).still(10, 10_000);
        track.still(1, 3_600_000); // an hour without fixes: a gap
        track.move(10, 10_000, 0, 50);
        track.still(1, 0); // a duplicate time: a zero-length step
        track.move(1, 0, 0, 30); // a duplicate time 30 m away: jitter, no time, not in the path
        Fixes fixes = track.fixes;

        UtilizationSpan day = days(all(Utilization.analyze(fixes, 0, List.of(), IN_ZURICH, PARAMS))).get(0);

        assertThat(day.stoppedSeconds()).isCloseTo(100, within(1e-9));
        assertThat(day.movingSeconds()).isCloseTo(100, within(1e-9));
        assertThat(day.pathMeters()).isCloseTo(500, within(0.01));
        assertThat(day.fixCount()).isEqualTo(fixes.size());
    }

    @Test
    void noFixGivesNothingAndOneFixGivesADayWithoutTrackedTime() {
        StreamResult<UtilizationSpan> none = Utilization.analyze(new Fixes(), 0, List.of(), IN_ZURICH, PARAMS);
        assertThat(none.finals()).isEmpty();
        assertThat(none.provisional()).isEmpty();

        Fixes one = new Track(Instant.parse("2026-05-04T08:00:00Z"), 47.37, 8.54).fixes;
        StreamResult<UtilizationSpan> single = Utilization.analyze(one, 0, List.of(), IN_ZURICH, PARAMS);
        assertThat(single.finals()).isEmpty();
        assertThat(single.provisional()).singleElement().satisfies(day -> {
            assertThat(day.fixCount()).isEqualTo(1);
            assertThat(day.movingSeconds() + day.stoppedSeconds()).isZero();
        });
        assertThat(single.resumeIndex()).isZero();
    }

    @Test
    void aTripAcrossTheAntimeridianHasItsShortPath() {
        UserTimeZones.Resolver fiji = new UserTimeZones.Resolver(ZoneId.of("Pacific/Fiji"), ZoneOffset.UTC);
        Fixes fixes = new Track(Instant.parse("2026-05-04T00:00:00Z"), -17.0, 179.995)
                .move(10, 10_000, 90, 100).fixes;
        TripSpan trip = new TripSpan(1, fixes.time(0), fixes.time(fixes.size() - 1));

        UtilizationSpan span = all(Utilization.analyze(fixes, 0, List.of(trip), fiji, PARAMS)).stream()
                .filter(UtilizationSpan::isTrip).findFirst().orElseThrow();

        assertThat(fixes.lon(fixes.size() - 1)).isNegative();
        assertThat(span.pathMeters()).isCloseTo(1000, within(0.01));
        assertThat(span.beelineMeters()).isCloseTo(1000, within(0.5));
        assertThat(span.movingSeconds()).isCloseTo(100, within(1e-9));
        assertThat(span.localDate()).isEqualTo(LocalDate.of(2026, 5, 4)).as("UTC+12: noon local");
    }

    @Test
    void theZoneAtTheFixGivesTheDayWhenTheUserHasNone() {
        UserTimeZones.Resolver byPosition = new UserTimeZones.Resolver(null, ZoneOffset.UTC);
        // 03:00Z is 23:00 the day before in New York (UTC-4 in May)
        Fixes newYork = new Track(Instant.parse("2026-05-05T03:00:00Z"), 40.71, -74.0).still(1, 60_000).fixes;

        UtilizationSpan day = days(all(Utilization.analyze(newYork, 0, List.of(), byPosition, PARAMS))).get(0);

        assertThat(day.zone().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(day.zone().source()).isEqualTo(ZoneSource.LOCATION);
        assertThat(day.localDate()).isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void chunkedCallsGiveWhatOneCallGives() {
        // Three days: each a morning trip out, a stop, an evening trip back, and a night of sparse fixes.
        Track track = new Track(Instant.parse("2026-03-27T05:00:00Z"), 47.37, 8.54);
        List<TripSpan> trips = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            track.still(20, 30_000);
            long start = track.millis;
            track.move(120, 5_000, 45, 40).still(10, 5_000);
            trips.add(new TripSpan(trips.size() + 1, start, track.millis));
            track.still(60, 240_000);
            start = track.millis;
            track.move(120, 5_000, 225, 40);
            trips.add(new TripSpan(trips.size() + 1, start, track.millis));
            track.still(40, 600_000).still(1, 3_600_000 * 5);
        }
        Fixes fixes = track.fixes;
        ChunkedRun.Analysis<UtilizationSpan> analysis = (chunk, from) -> Utilization.analyze(chunk, from, trips,
                IN_ZURICH, PARAMS);
        Comparator<UtilizationSpan> order = Comparator.comparingLong(UtilizationSpan::startMillis)
                .thenComparing(UtilizationSpan::isTrip);
        List<UtilizationSpan> whole = ChunkedRun.whole(fixes, analysis).stream().sorted(order).toList();
        assertThat(whole).filteredOn(UtilizationSpan::isTrip).hasSize(6);
        assertThat(days(whole)).hasSizeGreaterThanOrEqualTo(3);

        Random random = new Random(3);
        for (int attempt = 0; attempt < 30; attempt++) {
            int[] cuts = random.ints(1 + random.nextInt(8), 1, fixes.size()).sorted().toArray();
            assertThat(ChunkedRun.inChunks(fixes, cuts, analysis).stream().sorted(order).toList())
                    .as("cuts %s", java.util.Arrays.toString(cuts)).isEqualTo(whole);
        }
    }
}
