package dev.tracks.analysis.worker.altitude;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.Arrays;

/**
 * The altitude_dimension skill for one trip, from the fixes' own altitudes (there is no elevation model here), in
 * metres as stored ({@code track_points.altitude_m}: importers convert feet, e.g. GeoLife PLT, and store unknown
 * altitudes as null).
 *
 * <ol>
 *   <li>Mask: an altitude is valid unless unknown, below minAltitudeMeters, above maxAltitudeMeters, or exactly
 *       GeoLife's "unknown" -777 ft in metres (what a PLT file converted by other software than ours holds; -777 m is
 *       below the default minimum anyway).</li>
 *   <li>Mask spikes: an altitude further than spikeMeters from the median of the valid altitudes within 5 fixes on
 *       each side (a Hampel-type filter; the medians are of the altitudes before this step).</li>
 *   <li>Smooth (when {@code smooth}): gpxpy {@code calculate_uphill_downhill}'s 3-point filter over the valid
 *       altitudes, {@code 0.3 a[k-1] + 0.4 a[k] + 0.3 a[k+1]}, the first and last unchanged.</li>
 *   <li>Gain and loss: the sums of the rises and drops between consecutive (smoothed) valid altitudes, as gpxpy.</li>
 *   <li>Minimum and maximum: of the valid altitudes before smoothing (gpxpy {@code get_elevation_extremes}).</li>
 *   <li>Grade: from each valid fix to the first valid fix at least gradeDistanceMeters further along the path
 *       (haversine, through every fix of the trip), rise over that distance; the one of largest magnitude.</li>
 * </ol>
 */
final class AltitudeProfiles {

    /** GeoLife's -777 ft "unknown" converted to metres without masking. */
    static final double GEOLIFE_UNKNOWN_AS_METERS = -777 * 0.3048;
    /** Valid altitudes on each side of one that the spike filter compares it with. */
    private static final int SPIKE_WINDOW_SIDE = 5;

    private AltitudeProfiles() {
    }

    /** The profile of the trip whose fixes are {@code [first, end)}. */
    static AltitudeProfile of(long tripId, Fixes fixes, int first, int end, AltitudeParams params) {
        double[] altitudes = new double[end - first];
        double[] along = new double[end - first];
        int valid = 0;
        double distance = 0;
        for (int i = first; i < end; i++) {
            if (i > first) {
                distance += Geodesy.distanceMeters(fixes.lat(i - 1), fixes.lon(i - 1), fixes.lat(i), fixes.lon(i));
            }
            double altitude = fixes.altitude(i);
            if (isValid(altitude, params)) {
                altitudes[valid] = altitude;
                along[valid] = distance;
                valid++;
            }
        }
        boolean[] spike = spikes(altitudes, valid, params.spikeMeters());
        int kept = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        for (int k = 0; k < valid; k++) {
            if (!spike[k]) {
                double altitude = altitudes[k];
                altitudes[kept] = altitude;
                along[kept] = along[k];
                kept++;
                min = Double.isNaN(min) ? altitude : Math.min(min, altitude);
                max = Double.isNaN(max) ? altitude : Math.max(max, altitude);
            }
        }
        valid = kept;
        double[] profile = params.smooth() ? smoothed(altitudes, valid) : altitudes;
        double gain = 0;
        double loss = 0;
        for (int k = 1; k < valid; k++) {
            double rise = profile[k] - profile[k - 1];
            if (rise > 0) {
                gain += rise;
            } else {
                loss -= rise;
            }
        }
        return new AltitudeProfile(tripId, fixes.time(first), fixes.time(end - 1), end - first, valid, min, max,
                valid == 0 ? Double.NaN : gain, valid == 0 ? Double.NaN : loss,
                maxGrade(profile, along, valid, params.gradeDistanceMeters()));
    }

    static boolean isValid(double altitude, AltitudeParams params) {
        return !Double.isNaN(altitude) && altitude >= params.minAltitudeMeters()
                && altitude <= params.maxAltitudeMeters() && Math.abs(altitude - GEOLIFE_UNKNOWN_AS_METERS) > 1e-6;
    }

    /** Whether each of the first {@code count} altitudes is further than {@code limit} from its window's median. */
    private static boolean[] spikes(double[] altitudes, int count, double limit) {
        boolean[] spike = new boolean[count];
        double[] window = new double[2 * SPIKE_WINDOW_SIDE + 1];
        for (int k = 0; k < count; k++) {
            int from = Math.max(0, k - SPIKE_WINDOW_SIDE);
            int size = Math.min(count, k + SPIKE_WINDOW_SIDE + 1) - from;
            System.arraycopy(altitudes, from, window, 0, size);
            Arrays.sort(window, 0, size);
            double median = size % 2 == 1 ? window[size / 2] : (window[size / 2 - 1] + window[size / 2]) / 2;
            spike[k] = Math.abs(altitudes[k] - median) > limit;
        }
        return spike;
    }

    private static double[] smoothed(double[] altitudes, int count) {
        double[] smoothed = new double[count];
        for (int k = 0; k < count; k++) {
            smoothed[k] = k == 0 || k == count - 1 ? altitudes[k]
                    : 0.3 * altitudes[k - 1] + 0.4 * altitudes[k] + 0.3 * altitudes[k + 1];
        }
        return smoothed;
    }

    /** Percent; NaN when no two valid fixes are far enough apart. */
    private static double maxGrade(double[] profile, double[] along, int count, double minDistance) {
        double steepest = Double.NaN;
        int j = 0;
        for (int i = 0; i < count; i++) {
            j = Math.max(j, i + 1);
            while (j < count && along[j] - along[i] < minDistance) {
                j++;
            }
            if (j == count) {
                break;
            }
            double grade = 100 * (profile[j] - profile[i]) / (along[j] - along[i]);
            if (Double.isNaN(steepest) || Math.abs(grade) > Math.abs(steepest)) {
                steepest = grade;
            }
        }
        return steepest;
    }
}
