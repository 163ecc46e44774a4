package dev.tracks.analysis.worker.streak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.zone.LocalZone;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import dev.tracks.analysis.worker.zone.ZoneSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaks over generated days whose answer is known: runs, thresholds, the current run, local days, edge cases. */
class DailyActivityTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final LocalZone IN_ZURICH = new LocalZone(ZURICH, ZoneSource.USER);
    private static final StreakParams DEFAULTS = new StreakParams(1, 1, ZoneOffset.UTC);

    private static DailyActivity activity() {
        return new DailyActivity(new UserTimeZones.Resolver(ZURICH, ZoneOffset.UTC));
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }

    private static Streak streak(StreakKind kind, LocalDate start, LocalDate end, boolean current) {
        return new Streak(kind, start, end, (int) (end.toEpochDay() - start.toEpochDay()) + 1, IN_ZURICH, current);
    }

    private static List<Streak> of(DailyActivity activity, StreakKind kind, StreakParams params) {
        return activity.streaks(params).stream().filter(streak -> streak.kind() == kind).toList();
    }

    /** A day with fixes at 08:00, 12:00 and 18:00 local time (summer, UTC+2) and {@code trips} trips from 08:00. */
    private static void day(DailyActivity activity, int juneDay, int trips, List<Long> tripStarts) {
        for (String time : List.of("06:00", "10:00", "16:00")) {
            activity.addFix(at(String.format("2026-06-%02dT%s:00Z", juneDay, time)), 47.37, 8.54);
        }
        for (int i = 0; i < trips; i++) {
            tripStarts.add(at(String.format("2026-06-%02dT06:%02d:00Z", juneDay, i)));
        }
    }

    @Test
    void maximalRunsOfDaysWithTripsAndWithFixesTheLastOneCurrent() {
        DailyActivity activity = activity();
        List<Long> trips = new ArrayList<>();
        day(activity, 1, 1, trips);
        day(activity, 2, 2, trips);
        day(activity, 3, 1, trips);
        day(activity, 4, 0, trips); // recorded, no trip
        // 5 June: nothing recorded at all
        day(activity, 6, 2, trips);
        day(activity, 7, 3, trips);
        trips.forEach(activity::addTrip);

        assertThat(of(activity, StreakKind.TRIPS, DEFAULTS)).containsExactly(
                streak(StreakKind.TRIPS, june(1), june(3), false),
                streak(StreakKind.TRIPS, june(6), june(7), true));
        assertThat(of(activity, StreakKind.FIXES, DEFAULTS)).containsExactly(
                streak(StreakKind.FIXES, june(1), june(4), false),
                streak(StreakKind.FIXES, june(6), june(7), true));
        // Two trips a day: 2 June alone, then 6 and 7 June; three fixes a day are enough, four are not.
        assertThat(of(activity, StreakKind.TRIPS, new StreakParams(2, 4, ZoneOffset.UTC))).containsExactly(
                streak(StreakKind.TRIPS, june(2), june(2), false),
                streak(StreakKind.TRIPS, june(6), june(7), true));
        assertThat(of(activity, StreakKind.FIXES, new StreakParams(2, 3, ZoneOffset.UTC))).hasSize(2);
        assertThat(of(activity, StreakKind.FIXES, new StreakParams(2, 4, ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void aRunThatEndedTheDayBeforeTheLastDayIsStillCurrentOneThatEndedEarlierIsNot() {
        DailyActivity yesterday = activity();
        List<Long> trips = new ArrayList<>();
        day(yesterday, 1, 1, trips);
        day(yesterday, 2, 1, trips);
        day(yesterday, 3, 0, trips);
        trips.forEach(yesterday::addTrip);
        assertThat(of(yesterday, StreakKind.TRIPS, DEFAULTS)).containsExactly(
                streak(StreakKind.TRIPS, june(1), june(2), true));

        DailyActivity before = activity();
        trips.clear();
        day(before, 1, 1, trips);
        day(before, 2, 0, trips);
        day(before, 3, 0, trips);
        trips.forEach(before::addTrip);
        assertThat(of(before, StreakKind.TRIPS, DEFAULTS)).containsExactly(
                streak(StreakKind.TRIPS, june(1), june(1), false));
    }

    @Test
    void noFixesNoStreaksOneFixOneDay() {
        DailyActivity none = activity();
        none.addTrip(at("2026-06-01T06:00:00Z")); // a trip without fixes has no day to count on
        assertThat(none.streaks(DEFAULTS)).isEmpty();

        DailyActivity one = activity();
        one.addFix(at("2026-06-01T06:00:00Z"), 47.37, 8.54);
        assertThat(one.streaks(DEFAULTS)).containsExactly(streak(StreakKind.FIXES, june(1), june(1), true));
    }

    @Test
    void duplicateTimesAreFixesOfTheSameDay() {
        DailyActivity activity = activity();
        activity.addFix(at("2026-06-01T06:00:00Z"), 47.37, 8.54);
        activity.addFix(at("2026-06-01T06:00:00Z"), 47.37, 8.54);
        assertThat(of(activity, StreakKind.FIXES, new StreakParams(1, 2, ZoneOffset.UTC)))
                .containsExactly(streak(StreakKind.FIXES, june(1), june(1), true));
    }

    @Test
    void localMidnightNotUtcMidnightSeparatesTheDaysAcrossTheDstChange() {
        DailyActivity activity = activity();
        // 00:30 local on 28, 29 (the spring-forward day, still CET at 00:30) and 30 March: three consecutive days,
        // although the first two are on 27 and 28 March in UTC.
        List<Long> starts = List.of(at("2026-03-27T23:30:00Z"), at("2026-03-28T23:30:00Z"),
                at("2026-03-29T22:30:00Z"));
        starts.forEach(time -> activity.addFix(time, 47.37, 8.54));
        starts.forEach(activity::addTrip);
        assertThat(of(activity, StreakKind.TRIPS, DEFAULTS)).containsExactly(
                streak(StreakKind.TRIPS, LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30), true));
        // 23:30 local on 1 June is still 1 June; 00:30 on 3 June leaves 2 June empty.
        DailyActivity june = activity();
        june.addFix(at("2026-06-01T21:30:00Z"), 47.37, 8.54);
        june.addFix(at("2026-06-02T22:30:00Z"), 47.37, 8.54);
        assertThat(of(june, StreakKind.FIXES, DEFAULTS)).containsExactly(
                streak(StreakKind.FIXES, june(1), june(1), false),
                streak(StreakKind.FIXES, june(3), june(3), true));
    }

    /**
     * Real zone polygons: a fixes streak across a flight east over the date line (American Samoa, UTC-11, to Samoa,
     * UTC+13): 1 July ends early, at Samoa's midnight, and 2 July is Samoa's.
     */
    @Test
    void aFlightEastOverTheDateLineKeepsTheRunAndCountsEachDateOnce() {
        DailyActivity activity = new DailyActivity(new UserTimeZones.Resolver(null, ZoneOffset.UTC));
        activity.addFix(at("2026-06-30T23:00:00Z"), -14.28, -170.70); // Pago Pago, 30 June 12:00
        activity.addFix(at("2026-07-01T20:00:00Z"), -14.28, -170.70); // Pago Pago, 1 July 09:00
        activity.addFix(at("2026-07-02T01:00:00Z"), -13.83, -171.76); // Apia, 2 July 14:00
        activity.addFix(at("2026-07-02T23:00:00Z"), -13.83, -171.76); // Apia, 3 July 12:00
        List<Streak> fixes = of(activity, StreakKind.FIXES, DEFAULTS);
        assertThat(fixes).hasSize(1);
        Streak run = fixes.get(0);
        assertThat(run.startDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(run.endDate()).isEqualTo(LocalDate.of(2026, 7, 3));
        assertThat(run.days()).isEqualTo(4);
        assertThat(run.zone()).isEqualTo(new LocalZone(ZoneId.of("Pacific/Apia"), ZoneSource.LOCATION));
        assertThat(run.current()).isTrue();
    }
}
