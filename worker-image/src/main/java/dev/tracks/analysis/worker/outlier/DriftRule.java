package dev.tracks.analysis.worker.outlier;

import dev.tracks.analysis.worker.geo.Geodesy;

/**
 * DRIFT: a fix scattered beyond {@code driftRadiusMeters} while the device is stationary (the notes' "stationary
 * jitter" reason; the robust-statistics idea of MovingPandas {@code IqrCleaner}, applied to positions).
 *
 * <p>Semantics: the neighbours of a clean fix are the up to {@value #NEIGHBOURS} clean fixes on each side (not the fix
 * itself; at least {@value #NEIGHBOURS} in all). Their centre is the median latitude and the median longitude
 * (longitudes taken relative to the fix, so the antimeridian is harmless); the median ignores a minority of scattered
 * fixes. The device is stationary when at least three quarters of the neighbours lie within the radius of the centre
 * ({@code <=}); the fix is DRIFT when it lies beyond it ({@code >}). A moving device spreads its neighbours along its
 * path, so fewer than three quarters stay within the radius unless it moves slower than about one radius per
 * {@value #NEIGHBOURS} fixes, and then the fix itself lies near the centre.
 */
final class DriftRule {

    /** Clean fixes on each side that decide whether the device is stationary. */
    static final int NEIGHBOURS = 5;

    private final CleanTrack track;
    private final double radius;
    private final double[] lats = new double[2 * NEIGHBOURS];
    private final double[] lonOffsets = new double[2 * NEIGHBOURS];

    private DriftRule(CleanTrack track, double radius) {
        this.track = track;
        this.radius = radius;
    }

    /** Sets DRIFT in {@code reasons} (indexed by clean fix) for the clean fixes not flagged yet that drift. */
    static void flag(CleanTrack track, OutlierParameters parameters, OutlierReason[] reasons) {
        DriftRule rule = new DriftRule(track, parameters.driftRadiusMeters());
        for (int k = 0; k < track.size(); k++) {
            if (reasons[k] == null && rule.drifts(k)) {
                reasons[k] = OutlierReason.DRIFT;
            }
        }
    }

    private boolean drifts(int k) {
        int first = Math.max(0, k - NEIGHBOURS);
        int last = Math.min(track.size() - 1, k + NEIGHBOURS);
        int count = 0;
        for (int j = first; j <= last; j++) {
            if (j != k) {
                lats[count] = track.lat(j);
                lonOffsets[count] = wrapDegrees(track.lon(j) - track.lon(k));
                count++;
            }
        }
        if (count < NEIGHBOURS) {
            return false;
        }
        double centreLat = median(lats, count);
        double centreLon = Geodesy.normalizeLongitude(track.lon(k) + median(lonOffsets, count));
        if (Geodesy.distanceMeters(track.lat(k), track.lon(k), centreLat, centreLon) <= radius) {
            return false;
        }
        int within = 0;
        for (int j = first; j <= last; j++) {
            if (j != k && Geodesy.distanceMeters(track.lat(j), track.lon(j), centreLat, centreLon) <= radius) {
                within++;
            }
        }
        return 4 * within >= 3 * count;
    }

    /** A longitude difference of two valid longitudes brought into [-180, 180] (cheaper than a modulo). */
    private static double wrapDegrees(double difference) {
        if (difference > 180) {
            return difference - 360;
        }
        return difference < -180 ? difference + 360 : difference;
    }

    /** Median of {@code values[0, count)}, reordering them (at most {@code 2 * NEIGHBOURS} values). */
    private static double median(double[] values, int count) {
        // An insertion sort in Arrays.sort's order (Double.compare): for ten values it costs a fraction of the
        // library's dispatch, and this ran twice per fix, the largest part of outlier detection.
        for (int i = 1; i < count; i++) {
            double value = values[i];
            int j = i - 1;
            while (j >= 0 && Double.compare(values[j], value) > 0) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
        int middle = count / 2;
        return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
