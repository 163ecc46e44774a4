package dev.tracks.analysis.worker.outlier;

/**
 * Parameters of outlier detection, named, unit-ed and defaulted exactly as the skill catalog's
 * {@code outlier_detection}.
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

    public OutlierParameters {
        requirePositive("maxSpeedKmh", maxSpeedKmh);
        requirePositive("medianSpeedFactor", medianSpeedFactor);
        requirePositive("maxAccuracyMeters", maxAccuracyMeters);
        requirePositive("driftRadiusMeters", driftRadiusMeters);
        requirePositive("backtrackMaxAngleDegrees", backtrackMaxAngleDegrees);
    }

    /** The catalog defaults: 1200 km/h, 3x median, 100 m, 50 m, 20°. */
    public static OutlierParameters defaults() {
        return new OutlierParameters(1200, 3, 100, 50, 20);
    }

    /** The speed limit in metres per second that holds whatever the median speed. */
    double maxSpeedMetersPerSecond() {
        return maxSpeedKmh / 3.6;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
