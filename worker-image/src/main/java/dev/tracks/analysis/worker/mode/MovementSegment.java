package dev.tracks.analysis.worker.mode;

/**
 * A stretch of movement with one transport mode, from its first to its last fix (inclusive). Consecutive segments of
 * one movement share their boundary fix, so they tile the movement in time.
 *
 * @param startMillis time of the first fix
 * @param endMillis time of the last fix
 * @param firstFixId id of the first fix
 * @param lastFixId id of the last fix
 * @param fixCount number of fixes, both ends included
 * @param lengthMeters haversine length of the polyline through the fixes
 * @param medianSpeedKmh median of the step speeds (consecutive fixes; steps without elapsed time are skipped);
 *     NaN if there is no such step
 * @param p95SpeedKmh 95th percentile of the step speeds (linear interpolation, as numpy's default); NaN if none
 * @param coarse the trackintel coarse class of {@code medianSpeedKmh}
 * @param fine the fine class from median and p95 speed
 */
public record MovementSegment(
        long startMillis,
        long endMillis,
        long firstFixId,
        long lastFixId,
        int fixCount,
        double lengthMeters,
        double medianSpeedKmh,
        double p95SpeedKmh,
        CoarseMode coarse,
        FineMode fine) {

    public long durationMillis() {
        return endMillis - startMillis;
    }
}
