package dev.tracks.analysis.worker.outlier;

/**
 * Parameters of outlier detection, bound by name from the skill catalog's {@code outlier_detection}
 * (its defaults and bounds).
 *
 * @param maxSpeedKmh a fix reached or left faster than this is impossible (1200 km/h admits airliners)
 * @param medianSpeedFactor a speed is also impossible above this multiple of the median speed of the preceding
 *     segments, whichever limit is higher (Reitti {@code GeoPointAnomalyFilter}: 3)
 * @param maxAccuracyMeters fixes whose known accuracy radius exceeds this are LOW_ACCURACY
 * @param driftRadiusMeters while stationary, fixes farther than this from the stationary centre are DRIFT; legs
 *     shorter than this never make a BACKTRACK (they are GPS jitter)
 * @param backtrackMaxAngleDegrees an out-and-back spike turns at the fix by less than this angle between its legs
 */
public record OutlierParameters(double maxSpeedKmh, double medianSpeedFactor, double maxAccuracyMeters,
        double driftRadiusMeters, double backtrackMaxAngleDegrees) {

    /** The speed limit in metres per second that holds whatever the median speed. */
    double maxSpeedMetersPerSecond() {
        return maxSpeedKmh / 3.6;
    }
}
