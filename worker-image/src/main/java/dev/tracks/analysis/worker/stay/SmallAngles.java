package dev.tracks.analysis.worker.stay;

/**
 * Sine and cosine of the small angles between nearby fixes by their Taylor series: exact to double precision below
 * {@value #SERIES_LIMIT} rad (the first omitted term is below 1e-16 of the result) and several times cheaper than
 * {@link Math#sin}, which takes over for larger angles. Both are pure functions of their argument, so results do not
 * depend on how the fixes were split into calls.
 */
final class SmallAngles {

    static final double SERIES_LIMIT = 0.02;

    // Taylor coefficients as constants: the series then costs multiplications only, no divisions
    private static final double S3 = -1.0 / 6;
    private static final double S5 = 1.0 / 120;
    private static final double S7 = -1.0 / 5_040;
    private static final double S9 = 1.0 / 362_880;
    private static final double C2 = -1.0 / 2;
    private static final double C4 = 1.0 / 24;
    private static final double C6 = -1.0 / 720;
    private static final double C8 = 1.0 / 40_320;
    private static final double C10 = -1.0 / 3_628_800;

    private SmallAngles() {
    }

    static double sin(double x) {
        if (Math.abs(x) >= SERIES_LIMIT) {
            return Math.sin(x);
        }
        double x2 = x * x;
        return x + x * x2 * (S3 + x2 * (S5 + x2 * (S7 + x2 * S9)));
    }

    static double cos(double x) {
        if (Math.abs(x) >= SERIES_LIMIT) {
            return Math.cos(x);
        }
        double x2 = x * x;
        return 1 + x2 * (C2 + x2 * (C4 + x2 * (C6 + x2 * (C8 + x2 * C10))));
    }

    /** An angle difference in radians brought into [-pi, pi]. */
    static double wrap(double radians) {
        if (radians > Math.PI) {
            return radians - 2 * Math.PI;
        }
        return radians < -Math.PI ? radians + 2 * Math.PI : radians;
    }
}
