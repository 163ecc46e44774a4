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
 * @param features the measures the classes were decided on (speeds are NaN if no step has elapsed time); the
 *     movement_segments table stores the two speeds of them, the evaluation prints them all
 * @param coarse the trackintel coarse class of the median windowed speed
 * @param fine the fine class of the features ({@link FineMode#of})
 */
public record MovementSegment(
        long startMillis,
        long endMillis,
        long firstFixId,
        long lastFixId,
        int fixCount,
        double lengthMeters,
        SegmentFeatures features,
        CoarseMode coarse,
        FineMode fine) {

    /** Median of the windowed step speeds (steps without elapsed time are skipped); NaN if there is no such step. */
    public double medianSpeedKmh() {
        return features.medianKmh();
    }

    /** 95th percentile of the windowed step speeds (linear interpolation, as numpy's default); NaN if none. */
    public double p95SpeedKmh() {
        return features.p95Kmh();
    }

    public long durationMillis() {
        return endMillis - startMillis;
    }
}
