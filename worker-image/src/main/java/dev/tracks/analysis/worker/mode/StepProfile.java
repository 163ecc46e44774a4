package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.Arrays;

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

    /**
     * A time without fixes longer than this ends a movement: trackintel's gap_threshold default of 15 min, unless it is
     * a ride without signal ({@link #isRideWithoutSignal}).
     */
    static final long GAP_MILLIS = 15 * 60_000L;
    /**
     * A longer gap is never bridged as a ride: no underground line takes longer between two places with sky, and a
     * phone switched off for hours says nothing about how its owner moved.
     */
    static final long RIDE_WITHOUT_SIGNAL_MAX_MILLIS = 90 * 60_000L;
    /**
     * A gap of at least 5 min inside movement is a signal loss: a road tunnel, an underpass or an urban canyon hides
     * the sky for a minute or two, a subway ride from entrance to exit (walk down, wait, ride at least a few stations,
     * walk up) takes longer; and it is far longer than the 10-60 s between fixes of sparse recordings.
     */
    static final long SIGNAL_LOSS_MIN_MILLIS = 5 * 60_000L;
    /** A signal loss is a ride when its displacement implies at least this speed (faster than walk and most bikes). */
    static final double SIGNAL_LOSS_MIN_KMH = 20;
    /** The displacement window of the label speed. */
    static final long WINDOW_MILLIS = 30_000;
    /**
     * The longer window that tells standing from moving: a standing receiver scatters fixes by 10-30 m, which over
     * 30 s looks like a slow walk (up to ~3 km/h), but over 2 minutes stays below {@link #STILL_MAX_KMH}, while a
     * walker covers 160 m.
     */
    static final long STILL_WINDOW_MILLIS = 120_000;
    /** How far back an analysis needs fixes to rebuild every label: the longer of the two windows. */
    static final long CONTEXT_MILLIS = STILL_WINDOW_MILLIS;
    /** Below this window speed the user stands still (GPS drift of a standing user stays below it). */
    static final double STILL_MAX_KMH = 2.5;
    /** Loose upper bound of walking (GeoPulse: a walk's maximum is 8 km/h); faster steps are non-walk. */
    static final double WALK_MAX_KMH = 8;

    final double[] stepMeters;
    /**
     * Speed over the displacement window ending at each fix, km/h (NaN when the window is empty): net displacement
     * cancels most GPS noise, which makes single-step speeds of a walker jump to cycling speeds.
     */
    final double[] windowKmh;
    final byte[] labels;

    private StepProfile(double[] stepMeters, double[] windowKmh, byte[] labels) {
        this.stepMeters = stepMeters;
        this.windowKmh = windowKmh;
        this.labels = labels;
    }

    /** Measures every step of {@code fixes}; index 0 has no step. */
    static StepProfile of(Fixes fixes) {
        int n = fixes.size();
        double[] stepMeters = new double[Math.max(n, 1)];
        byte[] labels = new byte[Math.max(n, 1)];
        double[] windowKmh = new double[Math.max(n, 1)];
        Arrays.fill(windowKmh, Double.NaN);
        int windowStart = 0;
        int stillStart = 0;
        for (int j = 1; j < n; j++) {
            stepMeters[j] = Geodesy.distanceMeters(fixes.lat(j - 1), fixes.lon(j - 1), fixes.lat(j), fixes.lon(j));
            long t = fixes.time(j);
            long dt = t - fixes.time(j - 1);
            if (dt > GAP_MILLIS) {
                windowStart = j;
                stillStart = j;
                if (isRideWithoutSignal(dt, stepMeters[j])) {
                    windowKmh[j] = stepMeters[j] / dt * 3600.0;
                    labels[j] = NON_WALK;
                }
                continue;
            }
            while (fixes.time(stillStart) < t - STILL_WINDOW_MILLIS) {
                stillStart++;
            }
            while (fixes.time(windowStart) < t - WINDOW_MILLIS) {
                windowStart++;
            }
            int k = Math.min(windowStart, j - 1);
            long window = t - fixes.time(k);
            if (window > 0) {
                double meters = Geodesy.distanceMeters(fixes.lat(k), fixes.lon(k), fixes.lat(j), fixes.lon(j));
                windowKmh[j] = meters / window * 3600.0;
                labels[j] = isStill(fixes, Math.min(stillStart, j - 1), j) ? STILL : label(windowKmh[j]);
            }
        }
        return new StepProfile(stepMeters, windowKmh, labels);
    }

    /**
     * Whether step {@code j} is labelled still by the long window only: its short window moves at walking speed or
     * faster. The first steps of a walk after a stay look like this.
     */
    boolean isSettingOff(int j) {
        return labels[j] == STILL && windowKmh[j] >= STILL_MAX_KMH;
    }

    /**
     * Whether a step is a signal loss inside movement: it lasts at least {@link #SIGNAL_LOSS_MIN_MILLIS} and its
     * displacement implies at least {@link #SIGNAL_LOSS_MIN_KMH}.
     */
    static boolean isSignalLoss(long dtMillis, double meters) {
        return dtMillis >= SIGNAL_LOSS_MIN_MILLIS && meters / dtMillis * 3600.0 >= SIGNAL_LOSS_MIN_KMH;
    }

    /**
     * Whether a gap longer than {@link #GAP_MILLIS} is a ride that lost the signal rather than a break of the
     * recording: a signal loss ({@link #isSignalLoss}) of at most {@link #RIDE_WITHOUT_SIGNAL_MAX_MILLIS}. Subway
     * riders lose the sky from the station entrance to the exit, often for longer than 15 min; such a gap stays inside
     * the movement as one non-walk step, so that the ride becomes a segment of its own instead of nothing.
     */
    static boolean isRideWithoutSignal(long dtMillis, double meters) {
        return dtMillis <= RIDE_WITHOUT_SIGNAL_MAX_MILLIS && isSignalLoss(dtMillis, meters);
    }

    /** Whether the net speed from fix {@code from} to fix {@code to} is a standing user's. */
    private static boolean isStill(Fixes fixes, int from, int to) {
        long dt = fixes.time(to) - fixes.time(from);
        double meters = Geodesy.distanceMeters(fixes.lat(from), fixes.lon(from), fixes.lat(to), fixes.lon(to));
        return dt > 0 && meters / dt * 3600.0 < STILL_MAX_KMH;
    }

    private static byte label(double kmh) {
        if (kmh < STILL_MAX_KMH) {
            return STILL;
        }
        return kmh < WALK_MAX_KMH ? WALK : NON_WALK;
    }
}
