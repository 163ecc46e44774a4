package dev.tracks.analysis.worker.compression;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.Arrays;

/**
 * scikit-mobility's {@code compression.compress} ({@code _compress_array}) for one trip: a group starts at a fix and
 * takes every following fix within {@code spatial_radius} of that first fix (haversine, {@code gislib.getDistance};
 * a fix further than the radius, strictly, starts the next group); each group becomes one fix at the time of its first
 * fix, at the median latitude and the median longitude of its fixes ({@code np.median}: the mean of the middle two for
 * an even count). A trip of fewer than two fixes is returned as it is, as scikit-mobility does. On the 348 GeoLife
 * trips of users 000-009 it gives the fixes scikit-mobility 1.3.1 gives, at 200 m and at 20 m (docs/evaluation.md).
 *
 * <p>It is a radius filter, not a line simplification: it bounds the distance of each fix from its group's first fix,
 * not from the compressed track, so a straight drive at any speed keeps one fix per radius, and the SED of the fixes
 * it replaces can exceed the radius (between two groups the track is interpolated in time). The one deviation from
 * scikit-mobility: the median longitude is taken over longitudes unwrapped along the trip ({@link TripPlane}), so a
 * group across the antimeridian gets a median near 180 degrees, not near 0. Within metres of a pole, where a group's
 * longitudes differ by up to 180 degrees, a median of longitudes means as little here as in scikit-mobility.
 */
final class RadiusMerge {

    /** Groups as index ranges and their compressed fixes (median position, first fix's time). */
    record Groups(int count, int[] starts, long[] times, double[] lats, double[] lons) {
    }

    private RadiusMerge() {
    }

    static Groups merge(TripPlane plane, double radiusMeters) {
        int n = plane.size;
        int[] starts = new int[n + 1];
        int count = 0;
        int groupStart = 0;
        for (int i = 1; i < n; i++) {
            if (Geodesy.distanceMeters(plane.lats[groupStart], plane.lons[groupStart], plane.lats[i], plane.lons[i])
                    > radiusMeters) {
                starts[count++] = groupStart;
                groupStart = i;
            }
        }
        if (n > 0) {
            starts[count++] = groupStart;
        }
        starts[count] = n;
        long[] times = new long[count];
        double[] lats = new double[count];
        double[] lons = new double[count];
        double[] scratch = new double[n];
        for (int g = 0; g < count; g++) {
            int from = starts[g];
            int to = starts[g + 1];
            times[g] = plane.times[from];
            lats[g] = median(plane.lats, from, to, scratch);
            lons[g] = median(plane.lons, from, to, scratch);
        }
        return new Groups(count, starts, times, lats, lons);
    }

    private static double median(double[] values, int from, int to, double[] scratch) {
        int size = to - from;
        System.arraycopy(values, from, scratch, 0, size);
        Arrays.sort(scratch, 0, size);
        return size % 2 == 1 ? scratch[size / 2] : (scratch[size / 2 - 1] + scratch[size / 2]) / 2;
    }
}
