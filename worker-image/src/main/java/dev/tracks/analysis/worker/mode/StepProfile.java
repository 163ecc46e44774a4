package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * Per-step measures of one user's fixes: step {@code j} goes from fix {@code j-1} to fix {@code j}. Holds the step
 * lengths (for segment lengths and speeds) and a walk / non-walk / still label per step for the segmentation.
 *
 * <p>The label follows the walk-point test of Zheng et al. 2008 ("Understanding mobility based on GPS data",
 * UbiComp): a loose upper bound of walking speed separates walk from non-walk points. The speed tested is not the raw
 * step speed but the net displacement over the last {@link #WINDOW_MILLIS} divided by its time: at 1-10 s sampling the
 * positional noise of a standing or walking user makes raw step speeds jump across any threshold, while the net
 * displacement over 30 s is hardly affected by it. The window is causal (only earlier fixes), never crosses a gap, and
 * spans at least the step itself. Steps without elapsed time get no label: the segmentation skips them.
 */
final class StepProfile {

    static final byte STILL = 0;
    static final byte WALK = 1;
    static final byte NON_WALK = 2;

    /** A time without fixes longer than this ends a movement: trackintel's gap_threshold default of 15 min. */
    static final long GAP_MILLIS = 15 * 60_000L;
    /** The displacement window of the label speed. */
    static final long WINDOW_MILLIS = 30_000;
    /** Below this window speed the user stands still (GPS drift of a standing user stays below it). */
    static final double STILL_MAX_KMH = 2.5;
    /** Loose upper bound of walking (GeoPulse: a walk's maximum is 8 km/h); faster steps are non-walk. */
    static final double WALK_MAX_KMH = 8;

    final double[] stepMeters;
    final byte[] labels;

    private StepProfile(double[] stepMeters, byte[] labels) {
        this.stepMeters = stepMeters;
        this.labels = labels;
    }

    /** Measures every step of {@code fixes}; index 0 has no step. */
    static StepProfile of(Fixes fixes) {
        int n = fixes.size();
        double[] stepMeters = new double[Math.max(n, 1)];
        byte[] labels = new byte[Math.max(n, 1)];
        int windowStart = 0;
        for (int j = 1; j < n; j++) {
            stepMeters[j] = Geodesy.distanceMeters(fixes.lat(j - 1), fixes.lon(j - 1), fixes.lat(j), fixes.lon(j));
            long t = fixes.time(j);
            if (t - fixes.time(j - 1) > GAP_MILLIS) {
                windowStart = j;
                continue;
            }
            while (fixes.time(windowStart) < t - WINDOW_MILLIS) {
                windowStart++;
            }
            int k = Math.min(windowStart, j - 1);
            long dt = t - fixes.time(k);
            if (dt > 0) {
                double meters = Geodesy.distanceMeters(fixes.lat(k), fixes.lon(k), fixes.lat(j), fixes.lon(j));
                labels[j] = label(meters / dt * 3600.0);
            }
        }
        return new StepProfile(stepMeters, labels);
    }

    private static byte label(double kmh) {
        if (kmh < STILL_MAX_KMH) {
            return STILL;
        }
        return kmh < WALK_MAX_KMH ? WALK : NON_WALK;
    }
}
