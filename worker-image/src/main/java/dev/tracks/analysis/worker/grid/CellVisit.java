package dev.tracks.analysis.worker.grid;

/**
 * One uninterrupted stretch of consecutive fixes in the same H3 cell.
 *
 * @param cell the H3 cell index (64-bit; {@code H3Core.h3ToString} gives the usual hex address)
 * @param firstFixId id of the visit's first fix
 * @param lastFixId id of the visit's last fix
 * @param fixCount number of fixes in the visit
 * @param startMillis time of the first fix
 * @param lastFixMillis time of the last fix: when the user was last seen in the cell during this visit
 * @param endMillis when the dwell ends: the time of the next fix (in another cell) if it followed within
 *     maxDwellGapSeconds, else {@code lastFixMillis}
 */
public record CellVisit(long cell, long firstFixId, long lastFixId, int fixCount, long startMillis, long lastFixMillis,
                        long endMillis) {

    /** Time attributed to the cell: each fix's time until the next fix, within the gap limit. */
    public long dwellMillis() {
        return endMillis - startMillis;
    }
}
