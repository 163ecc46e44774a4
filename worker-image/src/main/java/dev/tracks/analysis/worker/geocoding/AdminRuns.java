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
 * the caller carries the fixes, as grid_system carries an open visit. {@code contextIndex == resumeIndex}: the whole
 * input is analysed on each call.
 */
final class AdminRuns {

    private AdminRuns() {
    }

    static StreamResult<AdminVisit> detect(Fixes fixes, CellAreas areas, long maxGapMillis) {
        int n = fixes.size();
        if (n == 0) {
            return new StreamResult<>(List.of(), List.of(), 0, 0);
        }
        int[] levels = areas.levels();
        int[] runStart = new int[levels.length];
        Lookup lookup = new Lookup(areas);
        AdminArea[] runArea = lookup.at(fixes, 0).clone();
        List<Run> runs = new ArrayList<>();
        List<Integer> commonStarts = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            AdminArea[] found = lookup.at(fixes, i);
            boolean gap = fixes.time(i) - fixes.time(i - 1) > maxGapMillis;
            long end = gap ? fixes.time(i - 1) : fixes.time(i);
            int ended = 0;
            for (int k = 0; k < levels.length; k++) {
                if (gap || !same(found[k], runArea[k])) {
                    runs.add(new Run(runStart[k], run(fixes, levels[k], runArea[k], runStart[k], i - 1, end)));
                    runStart[k] = i;
                    runArea[k] = found[k];
                    ended++;
                }
            }
            if (ended == levels.length && fixes.time(i) != fixes.time(i - 1)) {
                commonStarts.add(i);
            }
        }
        int earliestOpen = n;
        for (int k = 0; k < levels.length; k++) {
            runs.add(new Run(runStart[k], run(fixes, levels[k], runArea[k], runStart[k], n - 1, fixes.time(n - 1))));
            earliestOpen = Math.min(earliestOpen, runStart[k]);
        }
        int resumeIndex = 0;
        for (int c = commonStarts.size() - 1; c >= 0; c--) {
            if (commonStarts.get(c) <= earliestOpen) {
                resumeIndex = commonStarts.get(c);
                break;
            }
        }
        runs.sort(Comparator.comparingInt(Run::firstIndex).thenComparingInt(run -> run.visit().level()));
        List<AdminVisit> finals = new ArrayList<>();
        List<AdminVisit> provisional = new ArrayList<>();
        for (Run run : runs) {
            (run.firstIndex() < resumeIndex ? finals : provisional).add(run.visit());
        }
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
