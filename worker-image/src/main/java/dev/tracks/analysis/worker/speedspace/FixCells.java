package dev.tracks.analysis.worker.speedspace;

import dev.tracks.analysis.worker.grid.CellVisit;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.List;

/**
 * The H3 cell of each of a user's fixes, taken from grid_system's visits rather than looked up again (an H3 lookup per
 * fix costs about as much as reading the fix). A visit is a run of {@code fixCount} consecutive fixes from
 * {@code firstFixId} to {@code lastFixId}, so the visits, in time order, hand out the cells of the fixes in the same
 * order. The fixes read may end inside the last visit (the run reads up to what all dependencies analyzed).
 *
 * <p>When the fixes are not the ones grid_system saw (its run used another {@code fixes} setting, or a visit does
 * not begin or end at the fix ids it names), every fix is looked up at {@code resolution} instead: slower, never
 * wrong.
 */
final class FixCells {

    private FixCells() {
    }

    static long[] of(Fixes fixes, List<CellVisit> visits, int resolution) {
        long[] cells = fromVisits(fixes, visits);
        return cells != null ? cells : lookedUp(fixes, resolution);
    }

    /** The cells from the visits; null when the visits do not match the fixes. */
    private static long[] fromVisits(Fixes fixes, List<CellVisit> visits) {
        int size = fixes.size();
        long[] cells = new long[size];
        int fix = 0;
        for (CellVisit visit : visits) {
            if (fix == size) {
                break;
            }
            int last = fix + visit.fixCount() - 1;
            if (fixes.id(fix) != visit.firstFixId() || (last < size && fixes.id(last) != visit.lastFixId())) {
                return null;
            }
            int end = Math.min(last + 1, size);
            for (int i = fix; i < end; i++) {
                cells[i] = visit.cell();
            }
            fix = end;
        }
        return fix == size ? cells : null;
    }

    private static long[] lookedUp(Fixes fixes, int resolution) {
        long[] cells = new long[fixes.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = CellVisits.cellOf(fixes.lat(i), fixes.lon(i), resolution);
        }
        return cells;
    }
}
