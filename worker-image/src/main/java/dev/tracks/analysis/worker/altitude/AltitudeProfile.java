package dev.tracks.analysis.worker.altitude;

/**
 * One trip's altitude profile. Altitudes in metres; NaN where the trip has no valid altitude (or, for the grade, no
 * stretch long enough).
 *
 * @param fixCount the trip's fixes
 * @param validFixes those with a valid altitude
 * @param gainMeters sum of the rises between consecutive valid (smoothed) altitudes
 * @param lossMeters sum of the drops, positive
 * @param maxGradePercent the grade of largest magnitude over a stretch of at least gradeDistanceMeters; negative
 *     downhill
 */
public record AltitudeProfile(
        long tripId,
        long startMillis,
        long endMillis,
        int fixCount,
        int validFixes,
        double minMeters,
        double maxMeters,
        double gainMeters,
        double lossMeters,
        double maxGradePercent) {
}
