package dev.tracks.analysis.worker.streak;

import dev.tracks.analysis.worker.zone.LocalDayWalk;
import dev.tracks.analysis.worker.zone.LocalDayWalk.Day;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One user's fixes and trips counted per local day, and the streaks they make: maximal runs of consecutive days of
 * the {@link LocalDayWalk} on which the count reaches its minimum. Because the walk gives every moment one day, a day
 * that straddles a zone change counts once; a date the walk skips (a zone change of more than 24 hours east, which no
 * two inhabited zones make) does not break a run.
 *
 * <p>A streak is current when it reaches the user's last local day with fixes or the day before it: the data end on
 * that last day, which may still be under way, so a run that ended the day before is not broken yet (the "today
 * still counts" rule of streak counters). It is the data's last day, not the clock's, so that a recomputation gives the
 * same answer as the run it replaces.
 */
public final class DailyActivity {

    private final LocalDayWalk walk;
    private int[] fixes = new int[64];
    private int[] trips = new int[64];

    public DailyActivity(UserTimeZones.Resolver resolver) {
        this.walk = new LocalDayWalk(resolver);
    }

    /** Counts a fix; fixes come in time order, before any trip. */
    public void addFix(long epochMillis, double lat, double lon) {
        int day = walk.dayOf(epochMillis, lat, lon);
        if (day >= fixes.length) {
            fixes = Arrays.copyOf(fixes, Math.max(day + 1, fixes.length * 2));
        }
        fixes[day]++;
    }

    /** Counts a trip on the day it starts (after all fixes: it needs their days); ignored when no fix was counted. */
    public void addTrip(long startMillis) {
        int day = walk.indexAt(startMillis);
        if (day < 0) {
            return;
        }
        if (day >= trips.length) {
            trips = Arrays.copyOf(trips, Math.max(day + 1, trips.length * 2));
        }
        trips[day]++;
    }

    /** The streaks of both kinds, each kind's in time order. */
    public List<Streak> streaks(StreakParams params) {
        List<Day> days = walk.days();
        List<Streak> streaks = new ArrayList<>(runs(StreakKind.TRIPS, days, trips, params.minTripsPerDay()));
        streaks.addAll(runs(StreakKind.FIXES, days, fixes, params.minFixesPerDay()));
        return streaks;
    }

    private static List<Streak> runs(StreakKind kind, List<Day> days, int[] counts, int minPerDay) {
        List<Streak> streaks = new ArrayList<>();
        int last = days.size() - 1;
        int start = -1;
        for (int day = 0; day <= last + 1; day++) {
            boolean qualifies = day <= last && day < counts.length && counts[day] >= minPerDay;
            if (qualifies && start < 0) {
                start = day;
            } else if (!qualifies && start >= 0) {
                int end = day - 1;
                streaks.add(new Streak(kind, days.get(start).date(), days.get(end).date(), end - start + 1,
                        days.get(end).zone(), end >= last - 1));
                start = -1;
            }
        }
        return streaks;
    }
}
