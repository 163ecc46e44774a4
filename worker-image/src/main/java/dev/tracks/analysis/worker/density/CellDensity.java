package dev.tracks.analysis.worker.density;

/**
 * One row of density_structure: a user's presence in one H3 cell and whether it is a hot spot.
 *
 * @param cell the H3 cell index
 * @param fixes fixes in the cell (grid_system's visits summed)
 * @param dwellSeconds dwell time in the cell (grid_system's dwell: each fix until the next, gaps excluded)
 * @param days distinct local days on which a visit to the cell lasted, from its first fix to its last
 * @param giZ the Gi* z score of the cell's dwell; NaN where Gi* is undefined ({@link GetisOrdStar})
 * @param giP its two-sided p value; NaN where z is
 * @param giHot z positive and p below the significance; null where z is undefined
 * @param percentileHot dwell strictly above the hotspotPercentile of the user's cells
 */
public record CellDensity(long cell, long fixes, double dwellSeconds, int days, double giZ, double giP, Boolean giHot,
                          boolean percentileHot) {
}
