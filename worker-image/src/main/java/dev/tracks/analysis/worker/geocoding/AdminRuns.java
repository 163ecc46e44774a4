package dev.tracks.analysis.worker.geocoding;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.worker.grid.CellTracker;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * geocoding: a user's clean fixes as runs through administrative areas, per level (as grid_system's cell visits,
 * {@code grid.CellVisits}, with areas for cells).
 *
 * <p>Semantics:
 * <ul>
 *   <li>At each level, a run is a maximal stretch of consecutive fixes in the same area, or in none (a run with a
 *       null area). A gap of more than maxGapSeconds ({@code >}) between consecutive fixes ends the runs of every
 *       level at the fix before it; the next fix starts new runs even in the same areas.</li>
 *   <li>A run ends ({@code endMillis}) at the next fix's time, or at its last fix after a gap or at the end of the
 *       data, so its duration is the time attributed to its area, as a cell visit's dwell.</li>
 *   <li>Areas come from {@link CellAreas}: once per H3 cell, each fix looked up itself in a cell on a border.</li>
 * </ul>
 *
 * <p>Streaming ({@link StreamResult}): a run is final once a later fix is seen at its level; the open runs are
 * provisional. As runs of different levels end at different fixes, the resume point is a fix where the runs of every
 * level start (after a gap, or where every level's area changes), at or before the earliest open run, moved back
 * while the fix before it has the same time; every run that starts there or later is provisional, every earlier one
 * is final and ends before it. With no such fix (one country all along without a gap) everything is provisional and
 * the caller carries the fixes, as grid_system carries an open visit. {@code contextIndex == resumeIndex}.
 *
 * <p>An instance analyzes one user's calls in turn, as the runtime makes them: when a call continues the one before
 * (the same fixes from its resume index on, then new ones), the walk goes on from the previous call's last fix with
 * the runs, run starts and lookup state it ended with, instead of walking the carried fixes again. Without this, a
 * user in one country without a gap would be walked whole on each batch (quadratic in the batches). Any other call is
 * walked from its first fix; both give the same results.
 */
final class AdminRuns {

    private final long maxGapMillis;
    private final int[] levels;
    private final Lookup lookup;
    /** The previous call's walk, with indexes relative to its input; null before the first call. */
    private Walk walk;
    private Carry previous;
    /** Fixes walked over all calls (each fix once when every call continues the one before). */
    private long walked;

    AdminRuns(CellAreas areas, long maxGapMillis) {
        this.maxGapMillis = maxGapMillis;
        this.levels = areas.levels();
        this.lookup = new Lookup(areas);
    }

    /** The runs of one user's time-ordered fixes, in one call without earlier ones. */
    static StreamResult<AdminVisit> detect(Fixes fixes, CellAreas areas, long maxGapMillis) {
        return new AdminRuns(areas, maxGapMillis).analyze(fixes);
    }

    /** The runs from the first fix on (the {@link StreamResult} contract with {@code from == contextIndex == 0}). */
    StreamResult<AdminVisit> analyze(Fixes fixes) {
        int n = fixes.size();
        if (n == 0) {
            walk = null;
            previous = null;
            return new StreamResult<>(List.of(), List.of(), 0, 0);
        }
        int next;
        if (walk != null && previous.continuedBy(fixes)) {
            walk.shift(previous.resumeIndex);
            next = previous.size - previous.resumeIndex;
        } else {
            walk = new Walk(levels.length, lookup.restart(fixes, 0));
            walked++;
            next = 1;
        }
        for (int i = next; i < n; i++) {
            step(fixes, i);
        }
        walked += n - next;
        return result(fixes);
    }

    /** Fixes walked so far (tests: each fix once when the calls continue each other). */
    long walked() {
        return walked;
    }

    private void step(Fixes fixes, int i) {
        AdminArea[] found = lookup.at(fixes, i);
        boolean gap = fixes.time(i) - fixes.time(i - 1) > maxGapMillis;
        long end = gap ? fixes.time(i - 1) : fixes.time(i);
        int ended = 0;
        for (int k = 0; k < levels.length; k++) {
            if (gap || !same(found[k], walk.runArea[k])) {
                walk.ended.add(new Run(walk.runStart[k], run(fixes, levels[k], walk.runArea[k], walk.runStart[k],
                        i - 1, end)));
                walk.runStart[k] = i;
                walk.runArea[k] = found[k];
                ended++;
            }
        }
        if (ended == levels.length && fixes.time(i) != fixes.time(i - 1)) {
            walk.commonStarts.add(i);
        }
    }

    private StreamResult<AdminVisit> result(Fixes fixes) {
        int n = fixes.size();
        List<Run> runs = new ArrayList<>(walk.ended);
        int earliestOpen = n;
        for (int k = 0; k < levels.length; k++) {
            runs.add(new Run(walk.runStart[k], run(fixes, levels[k], walk.runArea[k], walk.runStart[k], n - 1,
                    fixes.time(n - 1))));
            earliestOpen = Math.min(earliestOpen, walk.runStart[k]);
        }
        int resumeIndex = 0;
        for (int c = walk.commonStarts.size() - 1; c >= 0; c--) {
            if (walk.commonStarts.get(c) <= earliestOpen) {
                resumeIndex = walk.commonStarts.get(c);
                break;
            }
        }
        runs.sort(Comparator.comparingInt(Run::firstIndex).thenComparingInt(run -> run.visit().level()));
        List<AdminVisit> finals = new ArrayList<>();
        List<AdminVisit> provisional = new ArrayList<>();
        for (Run run : runs) {
            (run.firstIndex() < resumeIndex ? finals : provisional).add(run.visit());
        }
        previous = new Carry(fixes, resumeIndex);
        return new StreamResult<>(finals, provisional, resumeIndex, resumeIndex);
    }

    private static boolean same(AdminArea a, AdminArea b) {
        return a == b || a != null && a.equals(b);
    }

    private static AdminVisit run(Fixes fixes, int level, AdminArea area, int first, int last, long endMillis) {
        return new AdminVisit(level, area, fixes.id(first), fixes.id(last), last - first + 1, fixes.time(first),
                fixes.time(last), endMillis);
    }

    private record Run(int firstIndex, AdminVisit visit) {

        Run shifted(int by) {
            return new Run(firstIndex - by, visit);
        }
    }

    /** The state of a walk: the runs ended so far, the open run of each level, the fixes where every level's run starts. */
    private static final class Walk {

        List<Run> ended = new ArrayList<>();
        final int[] runStart;
        final AdminArea[] runArea;
        List<Integer> commonStarts = new ArrayList<>();

        Walk(int levels, AdminArea[] first) {
            runStart = new int[levels];
            runArea = first.clone();
        }

        /** Drops what lies before fix {@code resumeIndex} (final, returned already) and re-bases the indexes on it. */
        void shift(int resumeIndex) {
            List<Run> kept = new ArrayList<>();
            for (Run run : ended) {
                if (run.firstIndex() >= resumeIndex) {
                    kept.add(run.shifted(resumeIndex));
                }
            }
            ended = kept;
            for (int k = 0; k < runStart.length; k++) {
                runStart[k] -= resumeIndex;
            }
            List<Integer> starts = new ArrayList<>();
            for (int start : commonStarts) {
                if (start >= resumeIndex) {
                    starts.add(start - resumeIndex);
                }
            }
            commonStarts = starts;
        }
    }

    /**
     * What a call needs to know of the one before to go on with its walk: the size of its input, its resume index and
     * the fixes there and at its end, which a continuing call holds from position {@code size - resumeIndex - 1}
     * (the runtime drops the fixes before the resume index and appends new ones).
     */
    private record Carry(int size, int resumeIndex, long resumeId, long resumeTime, long lastId, long lastTime) {

        Carry(Fixes fixes, int resumeIndex) {
            this(fixes.size(), resumeIndex, fixes.id(resumeIndex), fixes.time(resumeIndex), fixes.id(fixes.size() - 1),
                    fixes.time(fixes.size() - 1));
        }

        boolean continuedBy(Fixes fixes) {
            int last = size - resumeIndex - 1;
            return last < fixes.size() - 1 && fixes.id(0) == resumeId && fixes.time(0) == resumeTime
                    && fixes.id(last) == lastId && fixes.time(last) == lastTime;
        }
    }

    /** The areas of consecutive fixes: a cell's answer is asked for only when the cell changes. */
    private static final class Lookup {

        private final CellAreas areas;
        private final CellTracker cells;
        private long lastCell;
        /** The last cell's answer; null when the cell straddles a border. */
        private AdminArea[] lastAnswer;

        Lookup(CellAreas areas) {
            this.areas = areas;
            this.cells = new CellTracker(areas.resolution());
        }

        /** The areas of fix {@code i}, forgetting the cell of a walk before. */
        AdminArea[] restart(Fixes fixes, int i) {
            lastCell = 0;
            lastAnswer = null;
            return at(fixes, i);
        }

        AdminArea[] at(Fixes fixes, int i) {
            double lat = fixes.lat(i);
            double lon = fixes.lon(i);
            long cell = cells.cellOf(lat, lon);
            if (cell != lastCell) {
                lastCell = cell;
                lastAnswer = areas.ofCell(cell);
            }
            return lastAnswer != null ? lastAnswer : areas.ofPoint(lat, lon);
        }
    }
}
