package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.worker.geocoding.AdminVisit;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable.StoredVisit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One user's geocoding runs at one admin level, in time order, and the visits they make: what admin_crossings and
 * admin_view share.
 *
 * <p>Rules:
 * <ul>
 *   <li>A gap lies before run {@code k} when geocoding ended run {@code k - 1} at its last fix (a recording gap of
 *       more than its maxGapSeconds) instead of at run {@code k}'s first fix; so the gap threshold is geocoding's,
 *       never restated here.</li>
 *   <li>Border jitter: a run shorter than minDwell (its duration, first fix to the next run's first fix) with a run on
 *       either side and no gap on either side is absorbed; the runs at the ends of the data and beside a gap always
 *       count, as their time there is not known to be short.</li>
 *   <li>A visit is a maximal sequence of the kept runs in the same area (null: in no area, which is an area like any
 *       other here): runs of one area separated by a gap, or by absorbed jitter, are one visit. So A, B (short), A is
 *       one visit of A; A, B (short), C is a visit of A followed by one of C.</li>
 * </ul>
 */
final class LevelRuns {

    private final int level;
    private final List<StoredVisit> runs;

    private LevelRuns(int level, List<StoredVisit> runs) {
        this.level = level;
        this.runs = runs;
    }

    /**
     * A visit of an area.
     *
     * @param firstRun index of its first run
     * @param lastRun index of its last kept run: the change to the next visit is between it and the run after it
     */
    record Visit(AdminArea area, int firstRun, int lastRun) {
    }

    /** The runs grouped by level, levels ascending; {@code stored} comes per level in time order. */
    static List<LevelRuns> of(List<StoredVisit> stored) {
        List<LevelRuns> levels = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= stored.size(); i++) {
            if (i == stored.size() || level(stored, i) != level(stored, start)) {
                levels.add(new LevelRuns(level(stored, start), List.copyOf(stored.subList(start, i))));
                start = i;
            }
        }
        return levels;
    }

    private static int level(List<StoredVisit> stored, int index) {
        return stored.get(index).visit().level();
    }

    int level() {
        return level;
    }

    int size() {
        return runs.size();
    }

    AdminVisit run(int index) {
        return runs.get(index).visit();
    }

    long loadId(int index) {
        return runs.get(index).referenceLoadId();
    }

    /** Whether a recording gap ended the run before {@code index} (which is at least 1). */
    boolean gapBefore(int index) {
        return run(index - 1).endMillis() < run(index).startMillis();
    }

    /** The visits in time order (see the class comment). */
    List<Visit> visits(long minDwellMillis) {
        List<Visit> visits = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            if (isJitter(k, minDwellMillis)) {
                continue;
            }
            AdminArea area = run(k).area();
            int last = visits.size() - 1;
            if (last >= 0 && Objects.equals(visits.get(last).area(), area)) {
                visits.set(last, new Visit(area, visits.get(last).firstRun(), k));
            } else {
                visits.add(new Visit(area, k, k));
            }
        }
        return visits;
    }

    private boolean isJitter(int k, long minDwellMillis) {
        AdminVisit run = run(k);
        return k > 0 && k < runs.size() - 1 && !gapBefore(k) && !gapBefore(k + 1)
                && run.endMillis() - run.startMillis() < minDwellMillis;
    }
}
