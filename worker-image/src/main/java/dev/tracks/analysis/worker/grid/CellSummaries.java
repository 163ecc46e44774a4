package dev.tracks.analysis.worker.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates cell visits into per-cell summaries. The runtime does the same in SQL over the stored visits
 * ({@code GROUP BY user_id, cell}: count(*), sum(fix_count), sum(end - start), min(start), max(last_fix)); this
 * function serves tests and the local {@code analyze} command.
 */
public final class CellSummaries {

    private CellSummaries() {
    }

    /** One summary per distinct cell, ordered by first seen, then by cell index. */
    public static List<CellSummary> aggregate(List<CellVisit> visits) {
        Map<Long, CellSummary> byCell = new LinkedHashMap<>();
        for (CellVisit visit : visits) {
            byCell.merge(visit.cell(), summaryOf(visit), CellSummaries::combine);
        }
        List<CellSummary> summaries = new ArrayList<>(byCell.values());
        summaries.sort(Comparator.comparingLong(CellSummary::firstSeenMillis).thenComparingLong(CellSummary::cell));
        return List.copyOf(summaries);
    }

    private static CellSummary summaryOf(CellVisit visit) {
        return new CellSummary(visit.cell(), 1, visit.fixCount(), visit.dwellMillis(), visit.startMillis(),
                visit.lastFixMillis());
    }

    private static CellSummary combine(CellSummary a, CellSummary b) {
        return new CellSummary(a.cell(), a.visitCount() + b.visitCount(), a.fixCount() + b.fixCount(),
                a.dwellMillis() + b.dwellMillis(), Math.min(a.firstSeenMillis(), b.firstSeenMillis()),
                Math.max(a.lastSeenMillis(), b.lastSeenMillis()));
    }
}
