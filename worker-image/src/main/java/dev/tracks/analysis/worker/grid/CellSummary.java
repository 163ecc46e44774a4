package dev.tracks.analysis.worker.grid;

/**
 * What the product shows per user and cell: an aggregation of the user's {@link CellVisit}s.
 *
 * @param cell the H3 cell index
 * @param visitCount number of visits
 * @param fixCount number of fixes in the cell
 * @param dwellMillis total dwell time in the cell (sum of the visits' dwell)
 * @param firstSeenMillis time of the first fix in the cell
 * @param lastSeenMillis time of the last fix in the cell
 */
public record CellSummary(long cell, int visitCount, long fixCount, long dwellMillis, long firstSeenMillis,
                          long lastSeenMillis) {
}
