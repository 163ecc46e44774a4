package dev.tracks.analysis.worker.direction;

/**
 * Length-weighted sums of a scope's step bearings, and the circular statistics of Batschelet (1981) from them: each
 * step is a vector of its length along its bearing; R is the length of their sum over the summed lengths, the mean
 * bearing its direction. The Rayleigh test takes n as the number of steps and {@code R_n = n R}, and its p value is
 * Zar's approximation (Zar, Biostatistical Analysis, eq. 27.4): {@code p = exp(sqrt(1 + 4n + 4(n^2 - R_n^2)) - (1 +
 * 2n))}, clamped to [0, 1]. The test assumes independent directions; consecutive steps of a path are not, so p is
 * tiny for almost any real track and says more about the number of steps than about the strength of the bias (R
 * does that).
 *
 * <p>Sectors are 45 degrees wide and centred on the compass directions: N covers [337.5, 22.5), NE [22.5, 67.5), and
 * so on clockwise; a bearing on a boundary belongs to the sector clockwise of it.
 */
final class HeadingSums {

    /** The resultant below which the mean bearing is undefined (directions balance to rounding error). */
    private static final double VANISHING_RESULTANT = 1e-9;

    private final double[] sectorMeters = new double[8];
    private int steps;
    private double distance;
    private double east;
    private double north;

    void add(double meters, double bearingDegrees) {
        double radians = Math.toRadians(bearingDegrees);
        east += meters * Math.sin(radians);
        north += meters * Math.cos(radians);
        distance += meters;
        steps++;
        sectorMeters[sector(bearingDegrees)] += meters;
    }

    /** The sector index 0 (N) to 7 (NW) of a bearing in [0, 360). */
    static int sector(double bearingDegrees) {
        return (int) Math.floor((bearingDegrees + 22.5) / 45) % 8;
    }

    /** Zar's approximation of the Rayleigh p value for n directions with mean resultant length r. */
    static double rayleighP(int n, double r) {
        if (n == 0) {
            return Double.NaN;
        }
        double resultant = n * r;
        double p = Math.exp(Math.sqrt(1 + 4.0 * n + 4 * ((double) n * n - resultant * resultant)) - (1 + 2.0 * n));
        return Math.min(1, Math.max(0, p));
    }

    DirectionalBias result(Long tripId, long startMillis, long endMillis) {
        double r = Double.NaN;
        double mean = Double.NaN;
        if (steps > 0) {
            double resultant = Math.sqrt(east * east + north * north);
            r = Math.min(1, resultant / distance);
            if (r > VANISHING_RESULTANT) {
                double degrees = Math.toDegrees(Math.atan2(east, north));
                mean = degrees < 0 ? degrees + 360 : degrees;
            } else {
                r = 0;
            }
        }
        return new DirectionalBias(tripId, startMillis, endMillis, steps, distance, mean, r, rayleighP(steps, r),
                sectorMeters.clone());
    }
}
