package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.worker.admin.LevelRuns.Visit;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.geocoding.AdminVisit;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.utilization.TrackedTime;
import dev.tracks.analysis.worker.zone.LocalDayWalk;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * admin_view: a user's geocoding runs added up per level and area, with the fixes inside them.
 *
 * <ul>
 *   <li>Levels: every level geocoding produced (its maxAdminLevel already chose them), so one task summarises
 *       countries and regions alike.</li>
 *   <li>Dwell: the runs' durations (first fix to the next run's first fix, or to the last fix before a gap), so the
 *       step from a run's last fix to the next area's first fix counts to the area left, and a recording gap to
 *       none.</li>
 *   <li>Moving time and distance: the steps of the dwell, each from a fix of the run to the next fix, split as
 *       utilization_efficiency splits them ({@link TrackedTime}, after gpxpy {@code get_moving_data}: a step faster
 *       than stoppedSpeedKmh is moving, 2D great-circle length); moving time is at most the dwell.</li>
 *   <li>Local days: distinct days of the user's {@link LocalDayWalk} (the user's zone, else the zone at the fix, else
 *       the timeZone parameter) with a fix in the area.</li>
 *   <li>Entries: visits after the jitter rule of {@link LevelRuns} (as admin_crossings counts crossings), so an area
 *       seen only as border jitter has dwell but no entry; runs: geocoding's runs, jitter included.</li>
 *   <li>First and last visit: the area's first and last fix.</li>
 * </ul>
 *
 * <p>Fixes come in (time, id) order, as geocoding saw them, in portions of any size ({@link #add}); a fix belongs to
 * the run whose first and last fix bound it in that order.
 */
final class AdminSummaries {

    private final List<LevelRuns> levels;
    private final LocalDayWalk days;
    /** Per level, the summary of each run. */
    private final Tally[][] tallyOfRun;
    private final List<Tally> tallies = new ArrayList<>();
    /** Per level, the run the next fix is compared with first. */
    private final int[] nextRun;
    /** Per level, the run of the previous fix, or -1. */
    private final int[] previousRun;

    AdminSummaries(List<LevelRuns> levels, long minDwellMillis, double stoppedSpeedKmh,
                   UserTimeZones.Resolver zones) {
        this.levels = levels;
        this.days = new LocalDayWalk(zones);
        this.tallyOfRun = new Tally[levels.size()][];
        this.nextRun = new int[levels.size()];
        this.previousRun = new int[levels.size()];
        for (int l = 0; l < levels.size(); l++) {
            LevelRuns runs = levels.get(l);
            Map<Key, Tally> byArea = new LinkedHashMap<>();
            tallyOfRun[l] = new Tally[runs.size()];
            for (int k = 0; k < runs.size(); k++) {
                AdminVisit run = runs.run(k);
                Tally tally = byArea.computeIfAbsent(new Key(run.area(), runs.loadId(k)),
                        key -> new Tally(runs.level(), key, new TrackedTime(stoppedSpeedKmh, Long.MAX_VALUE)));
                tally.addRun(run);
                tallyOfRun[l][k] = tally;
            }
            for (Visit visit : runs.visits(minDwellMillis)) {
                tallyOfRun[l][visit.firstRun()].entries++;
            }
            tallies.addAll(byArea.values());
            previousRun[l] = -1;
        }
    }

    /**
     * Adds fixes {@code from} to the end of {@code fixes}: the next ones in order. Fix {@code from - 1}, when there
     * is one, must be the last fix added (the step to fix {@code from} starts there).
     */
    void add(Fixes fixes, int from) {
        for (int i = from; i < fixes.size(); i++) {
            long millis = fixes.time(i);
            long id = fixes.id(i);
            int day = days.dayOf(millis, fixes.lat(i), fixes.lon(i));
            double stepMeters = Double.NaN;
            for (int l = 0; l < levels.size(); l++) {
                LevelRuns runs = levels.get(l);
                int previous = previousRun[l];
                if (previous >= 0 && runs.run(previous).endMillis() >= millis) {
                    if (Double.isNaN(stepMeters)) {
                        stepMeters = Geodesy.distanceMeters(fixes.lat(i - 1), fixes.lon(i - 1), fixes.lat(i),
                                fixes.lon(i));
                    }
                    tallyOfRun[l][previous].tracked.step(millis - fixes.time(i - 1), stepMeters);
                }
                int k = nextRun[l];
                while (k < runs.size() && after(millis, id, runs.run(k).lastFixMillis(), runs.run(k).lastFixId())) {
                    k++;
                }
                nextRun[l] = k;
                boolean inRun = k < runs.size()
                        && !after(runs.run(k).startMillis(), runs.run(k).firstFixId(), millis, id);
                previousRun[l] = inRun ? k : -1;
                if (inRun) {
                    tallyOfRun[l][k].addDay(day);
                }
            }
        }
    }

    /** The summaries, levels ascending, each level's by its first fix. */
    List<AdminSummary> summaries() {
        return tallies.stream().map(Tally::summary).sorted(Comparator.comparingInt(AdminSummary::level)
                .thenComparingLong(AdminSummary::firstFixMillis)).toList();
    }

    /** Whether (time, id) comes after (otherTime, otherId). */
    private static boolean after(long millis, long id, long otherMillis, long otherId) {
        return millis > otherMillis || millis == otherMillis && id > otherId;
    }

    private record Key(AdminArea area, long loadId) {
    }

    /** One area's sums as the runs and fixes come. */
    private static final class Tally {

        private final int level;
        private final Key key;
        private final TrackedTime tracked;
        private long dwellMillis;
        private int runs;
        private long fixCount;
        private long firstFixMillis = Long.MAX_VALUE;
        private long lastFixMillis = Long.MIN_VALUE;
        private int entries;
        private int localDays;
        private int lastDay = -1;

        Tally(int level, Key key, TrackedTime tracked) {
            this.level = level;
            this.key = key;
            this.tracked = tracked;
        }

        void addRun(AdminVisit run) {
            dwellMillis += run.endMillis() - run.startMillis();
            runs++;
            fixCount += run.fixCount();
            firstFixMillis = Math.min(firstFixMillis, run.startMillis());
            lastFixMillis = Math.max(lastFixMillis, run.lastFixMillis());
        }

        /** Days come in time order, so a new day is one other than the last. */
        void addDay(int day) {
            if (day != lastDay) {
                lastDay = day;
                localDays++;
            }
        }

        AdminSummary summary() {
            return new AdminSummary(level, key.area(), dwellMillis / 1000.0, tracked.movingSeconds(),
                    tracked.pathMeters(), localDays, entries, runs, fixCount, firstFixMillis, lastFixMillis,
                    key.loadId());
        }
    }
}
