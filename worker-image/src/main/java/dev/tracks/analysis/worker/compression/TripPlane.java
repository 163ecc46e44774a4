package dev.tracks.analysis.worker.compression;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * A trip's fixes in a local metric plane: an equirectangular projection centred on the middle of the trip's latitudes,
 * in metres, x east and y north, with the mean Earth radius of {@link Geodesy}. Longitudes are first unwrapped along
 * the trip (each step is taken the short way round), so a trip across 180 degrees continues to 180.01 instead of
 * jumping back to -179.99 and drawing a 40,000 km segment. East-west scale is exact at the middle latitude and off by
 * tan(latitude) x the latitude difference elsewhere: under 0.5 % within 0.25 degrees (28 km) of it at 47 degrees,
 * far below what a tolerance of metres to hundreds of metres distinguishes. Not meant for a trip over a pole, where
 * the unwrapped longitude turns by 180 degrees at once.
 */
final class TripPlane {

    private static final double METRES_PER_DEGREE = Math.toRadians(1) * Geodesy.EARTH_RADIUS_METERS;

    final int size;
    final long[] times;
    /** The fixes' latitudes, longitudes as recorded, and longitudes unwrapped along the trip (beyond +-180). */
    final double[] lats;
    final double[] recordedLons;
    final double[] lons;
    final double[] x;
    final double[] y;
    private final double originLat;
    private final double originLon;
    private final double metresPerDegreeLon;

    private TripPlane(long[] times, double[] lats, double[] recordedLons, double[] lons, double originLat) {
        size = times.length;
        this.times = times;
        this.lats = lats;
        this.recordedLons = recordedLons;
        this.lons = lons;
        this.originLat = originLat;
        originLon = size == 0 ? 0 : lons[0];
        metresPerDegreeLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(originLat));
        x = new double[size];
        y = new double[size];
        for (int k = 0; k < size; k++) {
            x[k] = x(lons[k]);
            y[k] = y(lats[k]);
        }
    }

    /** The fixes {@code [first, end)} projected. */
    static TripPlane of(Fixes fixes, int first, int end) {
        int size = end - first;
        long[] times = new long[size];
        double[] lats = new double[size];
        double[] recordedLons = new double[size];
        double[] lons = new double[size];
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            int i = first + k;
            times[k] = fixes.time(i);
            lats[k] = fixes.lat(i);
            recordedLons[k] = fixes.lon(i);
            lons[k] = k == 0 ? recordedLons[k]
                    : lons[k - 1] + Geodesy.normalizeLongitude(recordedLons[k] - recordedLons[k - 1]);
            minLat = Math.min(minLat, lats[k]);
            maxLat = Math.max(maxLat, lats[k]);
        }
        return new TripPlane(times, lats, recordedLons, lons, size == 0 ? 0 : (minLat + maxLat) / 2);
    }

    /** x in metres of an unwrapped longitude. */
    double x(double unwrappedLon) {
        return (unwrappedLon - originLon) * metresPerDegreeLon;
    }

    /** y in metres of a latitude. */
    double y(double lat) {
        return (lat - originLat) * METRES_PER_DEGREE;
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
