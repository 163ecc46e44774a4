package dev.tracks.analysis.worker.complexity;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * A trip's fixes in a local metric plane, in buffers reused from trip to trip (no allocation per fix): the
 * equirectangular projection about the centre of the trip's latitude range, {@code x = R cos(lat0) dLon},
 * {@code y = R dLat}, in metres. Longitudes are unwrapped (each within 180 degrees of the previous one), so a trip
 * across the antimeridian stays continuous. The distortion grows with the trip's north-south extent and towards the
 * poles (a trip within a few kilometres of a pole is distorted; none in the data we know comes close). A fix at the
 * same position as the previous one is dropped: a zero-length step has no direction.
 */
final class PlanarPath {

    private double[] x = new double[256];
    private double[] y = new double[256];
    private long[] times = new long[256];
    private int size;

    /** Projects the fixes {@code [first, end)}. */
    void project(Fixes fixes, int first, int end) {
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        for (int i = first; i < end; i++) {
            minLat = Math.min(minLat, fixes.lat(i));
            maxLat = Math.max(maxLat, fixes.lat(i));
        }
        double lat0 = (minLat + maxLat) / 2;
        double metresPerDegreeLat = Math.toRadians(Geodesy.EARTH_RADIUS_METERS);
        double metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(lat0));
        ensureCapacity(end - first);
        size = 0;
        double lon = fixes.lon(first);
        double previousLat = Double.NaN;
        double previousRawLon = Double.NaN;
        for (int i = first; i < end; i++) {
            double lat = fixes.lat(i);
            double rawLon = fixes.lon(i);
            if (lat == previousLat && rawLon == previousRawLon) {
                continue;
            }
            if (size > 0) {
                lon += Geodesy.shortWay(rawLon - previousRawLon);
            }
            x[size] = (lon - fixes.lon(first)) * metresPerDegreeLon;
            y[size] = (lat - lat0) * metresPerDegreeLat;
            times[size] = fixes.time(i);
            size++;
            previousLat = lat;
            previousRawLon = rawLon;
        }
    }

    private void ensureCapacity(int capacity) {
        if (x.length < capacity) {
            int grown = Math.max(capacity, 2 * x.length);
            x = new double[grown];
            y = new double[grown];
            times = new long[grown];
        }
    }

    /** Positions kept (distinct from their predecessor). */
    int size() {
        return size;
    }

    double x(int index) {
        return x[index];
    }

    double y(int index) {
        return y[index];
    }

    long time(int index) {
        return times[index];
    }

    /** Length of the path through all positions, metres. */
    double length() {
        double length = 0;
        for (int i = 1; i < size; i++) {
            double dx = x[i] - x[i - 1];
            double dy = y[i] - y[i - 1];
            length += Math.sqrt(dx * dx + dy * dy);
        }
        return length;
    }
}
