package dev.tracks.analysis.worker.compression;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * A trip's fixes in a local metric plane: the orthographic projection onto the plane that touches the sphere (mean
 * Earth radius of {@link Geodesy}) at the trip's centre, the normalised mean of its fixes' unit vectors; x east and y
 * north of the centre, in metres. It has no seam and no singular point: a trip across 180 degrees or over a pole is
 * as straight in it as anywhere else (an equirectangular plane would draw a 40,000 km segment at the antimeridian and
 * break down near the poles). The radial scale at an angle t from the centre is cos t: 3 parts in 100,000 off at
 * 50 km, 0.3 % at 500 km, far below what a tolerance of metres to hundreds of metres distinguishes; beyond a quarter
 * of the globe from the centre the plane folds back, which only a recording error could make a trip do.
 */
final class TripPlane {

    final int size;
    final long[] times;
    /** The fixes' latitudes, longitudes as recorded, and longitudes unwrapped along the trip (beyond +-180). */
    final double[] lats;
    final double[] recordedLons;
    final double[] lons;
    final double[] x;
    final double[] y;
    /** Unit vectors east and north at the centre. */
    private final double eastX;
    private final double eastY;
    private final double northX;
    private final double northY;
    private final double northZ;

    private TripPlane(long[] times, double[] lats, double[] recordedLons, double[] lons, double[][] unit) {
        size = times.length;
        this.times = times;
        this.lats = lats;
        this.recordedLons = recordedLons;
        this.lons = lons;
        double sumX = 0;
        double sumY = 0;
        double sumZ = 0;
        for (int k = 0; k < size; k++) {
            sumX += unit[0][k];
            sumY += unit[1][k];
            sumZ += unit[2][k];
        }
        double norm = Math.sqrt(sumX * sumX + sumY * sumY + sumZ * sumZ);
        // The fixes' vectors cancel out only for fixes spread around the globe: any centre will do then.
        double centreLat = norm > 1e-9 ? Math.asin(Math.max(-1, Math.min(1, sumZ / norm))) : 0;
        double centreLon = norm > 1e-9 ? Math.atan2(sumY, sumX) : 0;
        eastX = -Math.sin(centreLon);
        eastY = Math.cos(centreLon);
        northX = -Math.sin(centreLat) * Math.cos(centreLon);
        northY = -Math.sin(centreLat) * Math.sin(centreLon);
        northZ = Math.cos(centreLat);
        x = new double[size];
        y = new double[size];
        for (int k = 0; k < size; k++) {
            x[k] = Geodesy.EARTH_RADIUS_METERS * (unit[0][k] * eastX + unit[1][k] * eastY);
            y[k] = Geodesy.EARTH_RADIUS_METERS * (unit[0][k] * northX + unit[1][k] * northY + unit[2][k] * northZ);
        }
    }

    /** The fixes {@code [first, end)} projected. */
    static TripPlane of(Fixes fixes, int first, int end) {
        int size = end - first;
        long[] times = new long[size];
        double[] lats = new double[size];
        double[] recordedLons = new double[size];
        double[] lons = new double[size];
        double[][] unit = new double[3][size];
        for (int k = 0; k < size; k++) {
            int i = first + k;
            times[k] = fixes.time(i);
            lats[k] = fixes.lat(i);
            recordedLons[k] = fixes.lon(i);
            lons[k] = k == 0 ? recordedLons[k]
                    : lons[k - 1] + Geodesy.normalizeLongitude(recordedLons[k] - recordedLons[k - 1]);
            double phi = Math.toRadians(lats[k]);
            double lambda = Math.toRadians(recordedLons[k]);
            double cosPhi = Math.cos(phi);
            unit[0][k] = cosPhi * Math.cos(lambda);
            unit[1][k] = cosPhi * Math.sin(lambda);
            unit[2][k] = Math.sin(phi);
        }
        return new TripPlane(times, lats, recordedLons, lons, unit);
    }

    /** x in metres of a position (any longitude, wrapped or not). */
    double x(double lat, double lon) {
        double lambda = Math.toRadians(lon);
        double cosPhi = Math.cos(Math.toRadians(lat));
        return Geodesy.EARTH_RADIUS_METERS * cosPhi * (Math.cos(lambda) * eastX + Math.sin(lambda) * eastY);
    }

    /** y in metres of a position (any longitude, wrapped or not). */
    double y(double lat, double lon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        double cosPhi = Math.cos(phi);
        return Geodesy.EARTH_RADIUS_METERS
                * (cosPhi * Math.cos(lambda) * northX + cosPhi * Math.sin(lambda) * northY + Math.sin(phi) * northZ);
    }

    /**
     * The time-synchronised Euclidean distance of fix {@code k} from the track that goes straight from {@code (ax, ay)}
     * at time {@code at} to {@code (bx, by)} at {@code bt}: its distance from where that track is at its time. Between
     * ends of the same time the track is at its first end.
     */
    double sed(int k, double ax, double ay, long at, double bx, double by, long bt) {
        double share = bt == at ? 0 : (double) (times[k] - at) / (bt - at);
        double dx = x[k] - (ax + share * (bx - ax));
        double dy = y[k] - (ay + share * (by - ay));
        return Math.sqrt(dx * dx + dy * dy);
    }
}
