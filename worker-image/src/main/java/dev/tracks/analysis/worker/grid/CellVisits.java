package dev.tracks.analysis.worker.grid;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * grid_system: a user's fixes as visits to Uber H3 cells (com.uber:h3 4.5.1, v4 API {@code latLngToCell}; cell sizes
 * per resolution from {@code getHexagonEdgeLengthAvg}, e.g. 200.8 m at resolution 9). The per-cell summary is an
 * aggregation of these visits ({@link CellSummaries}); in the runtime it is a SQL {@code GROUP BY}.
 *
 * <p>Semantics:
 * <ul>
 *   <li>A visit is a maximal run of consecutive fixes in the same cell. A gap of more than maxDwellGapSeconds
 *       ({@code >}, strictly) between consecutive fixes also ends the visit, so a visit is uninterrupted presence;
 *       the next fix starts a new visit even in the same cell.</li>
 *   <li>Dwell: each fix is attributed the time until the next fix, counted for the fix's own cell, if that time is
 *       at most maxDwellGapSeconds; a longer interval counts nothing (it is ignored, not capped, because nobody knows
 *       where the user was). The last fix of the data has no next fix and gets nothing. Hence a visit's dwell is
 *       {@code endMillis - startMillis}, where {@code endMillis} is the next fix's time or, after a gap or at the
 *       end of the data, the visit's last fix time.</li>
 *   <li>Fixes with equal times are kept in the given order; the interval between them is 0.</li>
 * </ul>
 *
 * <p>Streaming ({@link StreamResult}): a visit is final once the fix after it is seen. The last visit is open and
 * provisional. {@code resumeIndex} is the first fix of the open visit, moved back to the start of an earlier visit
 * while the fix before it has the same time (so resuming "from that time on" re-reads no fix of a final visit);
 * the visits from there on are provisional. No earlier context is needed: {@code contextIndex == resumeIndex}, and
 * the whole input is analysed on each call (the caller passes the fixes from the previous {@code contextIndex} on).
 *
 * <p>The H3 native library is loaded once per JVM; {@link H3Core} is thread-safe.
 */
public final class CellVisits {

    static final H3Core H3 = loadH3();

    private CellVisits() {
    }

    /** The visits of one user's time-ordered fixes to the cells of {@code params.h3Resolution()}. */
    public static StreamResult<CellVisit> detect(Fixes fixes, GridParams params) {
        int n = fixes.size();
        if (n == 0) {
            return new StreamResult<>(List.of(), List.of(), 0, 0);
        }
        long gapMillis = params.maxDwellGapMillis();
        List<CellVisit> visits = new ArrayList<>();
        List<Integer> visitStarts = new ArrayList<>();
        int start = 0;
        CellTracker cells = new CellTracker(params.h3Resolution());
        long startCell = cells.cellOf(fixes.lat(0), fixes.lon(0));
        for (int i = 1; i < n; i++) {
            long cell = cells.cellOf(fixes.lat(i), fixes.lon(i));
            boolean gap = fixes.time(i) - fixes.time(i - 1) > gapMillis;
            if (gap || cell != startCell) {
                long end = gap ? fixes.time(i - 1) : fixes.time(i);
                visits.add(visit(fixes, startCell, start, i - 1, end));
                visitStarts.add(start);
                start = i;
                startCell = cell;
            }
        }
        visits.add(visit(fixes, startCell, start, n - 1, fixes.time(n - 1)));
        visitStarts.add(start);
        int firstOpen = firstProvisionalVisit(fixes, visitStarts);
        int resumeIndex = visitStarts.get(firstOpen);
        return new StreamResult<>(visits.subList(0, firstOpen), visits.subList(firstOpen, visits.size()),
                resumeIndex, resumeIndex);
    }

    /** The H3 cell of a position at a resolution (the loaded, shared {@link H3Core}). */
    public static long cellOf(double lat, double lon, int resolution) {
        return H3.latLngToCell(lat, lon, resolution);
    }

    /** The resolution of an H3 cell index. */
    public static int resolutionOf(long cell) {
        return H3.getResolution(cell);
    }

    /** The cell and its neighbours (H3 {@code gridDisk} k=1): 7 cells, 6 around a pentagon. */
    public static List<Long> withNeighbours(long cell) {
        return H3.gridDisk(cell, 1);
    }

    /** The centre of a cell: {@code {lat, lon}} in degrees. */
    public static double[] centreOf(long cell) {
        LatLng centre = H3.cellToLatLng(cell);
        return new double[] {centre.lat, centre.lng};
    }

    /** The corners of a cell, in order around it. */
    public static List<LatLng> boundaryOf(long cell) {
        return H3.cellToBoundary(cell);
    }

    private static CellVisit visit(Fixes fixes, long cell, int first, int last, long endMillis) {
        return new CellVisit(cell, fixes.id(first), fixes.id(last), last - first + 1, fixes.time(first),
                fixes.time(last), endMillis);
    }

    /** The open (last) visit, or an earlier one so that the resume point does not split equal times. */
    private static int firstProvisionalVisit(Fixes fixes, List<Integer> visitStarts) {
        int visit = visitStarts.size() - 1;
        while (visit > 0) {
            int start = visitStarts.get(visit);
            if (fixes.time(start - 1) != fixes.time(start)) {
                break;
            }
            visit--;
        }
        return visit;
    }

    private static H3Core loadH3() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
    }
}
