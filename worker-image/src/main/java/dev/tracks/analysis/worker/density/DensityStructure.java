package dev.tracks.analysis.worker.density;

import dev.tracks.analysis.worker.footprint.Distribution;
import dev.tracks.analysis.worker.grid.CellVisit;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.zone.LocalDayWalk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * density_structure: a user's presence per H3 cell and its hot spots, from grid_system's cell visits alone (no fix is
 * read again, no cell looked up again).
 *
 * <ul>
 *   <li>fixes and dwell: the visits' fix counts and dwell summed, as grid_system's grid_cells view does; dwell
 *       seconds are the attribute of both hot-spot measures (time spent, not fixes recorded, which depend on the
 *       sampling rate);</li>
 *   <li>days: the distinct local days on which a visit to the cell lasted, from its first fix to its last (a visit is
 *       uninterrupted presence: its fixes are at most grid_system's maxDwellGapSeconds apart, so these are the days
 *       of its fixes, unless a gap of over 23 hours inside the visit skips a short DST day). Local days are the
 *       user's day walk ({@link LocalDayWalk}: the user's zone setting, else the zone at the cell's centre, else the
 *       timeZone parameter; a day ends at midnight in the zone of the latest visit), as the other skills that count
 *       local days;</li>
 *   <li>Gi* hot spot: {@link GetisOrdStar} over the cell and its ring-1 neighbours, z positive and the two-sided p
 *       below {@code significance};</li>
 *   <li>percentile hot spot, the simple alternative: dwell strictly above the {@code hotspotPercentile} percentile of
 *       the user's cells' dwell times (linear interpolation, numpy's default), so a single cell or equal dwell
 *       everywhere has none.</li>
 * </ul>
 * Cells come in the order of their first visit.
 */
public final class DensityStructure {

    private DensityStructure() {
    }

    /** @param visits the user's cell visits in time order; {@code days} walks them (a fresh walk per user) */
    public static List<CellDensity> of(List<CellVisit> visits, LocalDayWalk days, DensityParams params) {
        Map<Long, Integer> index = new HashMap<>();
        List<Long> cells = new ArrayList<>();
        for (CellVisit visit : visits) {
            if (index.putIfAbsent(visit.cell(), cells.size()) == null) {
                cells.add(visit.cell());
            }
        }
        int count = cells.size();
        long[] fixes = new long[count];
        double[] dwellSeconds = new double[count];
        int[] dayCounts = new int[count];
        int[] lastDay = new int[count];
        double[][] centres = new double[count][];
        Arrays.fill(lastDay, -1);
        for (CellVisit visit : visits) {
            int cell = index.get(visit.cell());
            if (centres[cell] == null) {
                centres[cell] = CellVisits.centreOf(visit.cell());
            }
            double lat = centres[cell][0];
            double lon = centres[cell][1];
            int first = days.dayOf(visit.startMillis(), lat, lon);
            int last = days.dayOf(visit.lastFixMillis(), lat, lon);
            if (last > lastDay[cell]) {
                dayCounts[cell] += last - Math.max(first, lastDay[cell] + 1) + 1;
                lastDay[cell] = last;
            }
            fixes[cell] += visit.fixCount();
            dwellSeconds[cell] += visit.dwellMillis() / 1000.0;
        }
        long[] cellArray = cells.stream().mapToLong(Long::longValue).toArray();
        GetisOrdStar.Score[] scores = GetisOrdStar.scores(cellArray, dwellSeconds, CellVisits::withNeighbours);
        double threshold = count == 0 ? 0 : percentile(dwellSeconds, params.hotspotPercentile());
        List<CellDensity> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GetisOrdStar.Score score = scores[i];
            Boolean giHot = Double.isNaN(score.z()) ? null : score.z() > 0 && score.p() < params.significance();
            rows.add(new CellDensity(cellArray[i], fixes[i], dwellSeconds[i], dayCounts[i], score.z(), score.p(),
                    giHot, dwellSeconds[i] > threshold));
        }
        return rows;
    }

    private static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Distribution.percentile(sorted, percent);
    }
}
