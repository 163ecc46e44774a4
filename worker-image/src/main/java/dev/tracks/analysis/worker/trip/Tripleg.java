package dev.tracks.analysis.worker.trip;

import dev.tracks.analysis.worker.mode.CoarseMode;
import dev.tracks.analysis.worker.mode.FineMode;

/**
 * Movement between two stays (trackintel tripleg): consecutive fixes outside every stay, without a gap inside.
 *
 * @param id deterministic key: the id of the first fix
 * @param startMillis time of the first fix
 * @param endMillis time of the last fix
 * @param firstFixId id of the first fix
 * @param lastFixId id of the last fix
 * @param fixCount number of fixes, at least 2
 * @param lengthMeters haversine length of the polyline through the fixes
 * @param modeCoarse coarse class of the movement segment overlapping it longest in time, UNKNOWN if none overlaps
 * @param mode fine class of that segment, UNKNOWN if none overlaps
 */
public record Tripleg(
        long id,
        long startMillis,
        long endMillis,
        long firstFixId,
        long lastFixId,
        int fixCount,
        double lengthMeters,
        CoarseMode modeCoarse,
        FineMode mode) {
}
