package dev.tracks.analysis.worker.ingest;

import java.util.Arrays;

/**
 * The parts of one GeoJSON Feature the reader needs, collected while the feature streams by (its geometry and its
 * properties may come in either order) and reused for the next feature, so that memory is bounded by the largest
 * feature rather than by the file. Values stay text until the whole feature is known.
 */
final class GeoJsonFeature {

    boolean hasGeometry;
    String geometryType;
    String time;
    String user;
    String altitude;
    String accuracy;
    String speed;
    String heading;
    String label;
    private double[] lons = new double[16];
    private double[] lats = new double[16];
    private double[] altitudes = new double[16];
    private int positions;
    private String[] times = new String[16];
    private int timeCount;

    void clear() {
        hasGeometry = false;
        geometryType = null;
        time = null;
        user = null;
        altitude = null;
        accuracy = null;
        speed = null;
        heading = null;
        label = null;
        positions = 0;
        Arrays.fill(times, 0, timeCount, null);
        timeCount = 0;
    }

    /** Adds a position; NaN for a coordinate that is missing or not a number. */
    void addPosition(double lon, double lat, double altitude) {
        if (positions == lons.length) {
            lons = Arrays.copyOf(lons, positions * 2);
            lats = Arrays.copyOf(lats, positions * 2);
            altitudes = Arrays.copyOf(altitudes, positions * 2);
        }
        lons[positions] = lon;
        lats[positions] = lat;
        altitudes[positions] = altitude;
        positions++;
    }

    void addTime(String value) {
        if (timeCount == times.length) {
            times = Arrays.copyOf(times, timeCount * 2);
        }
        times[timeCount++] = value;
    }

    int positions() {
        return positions;
    }

    double lon(int index) {
        return lons[index];
    }

    double lat(int index) {
        return lats[index];
    }

    double altitude(int index) {
        return altitudes[index];
    }

    int timeCount() {
        return timeCount;
    }

    String time(int index) {
        return times[index];
    }
}
