package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.track.Fixes;
import java.util.Arrays;

/** Computes the {@link SegmentFeatures} of a fix range: one pass for the chords, one over the steps. */
final class Features {

    /**
     * A vehicle stops when its windowed speed falls below this and moves again above {@link #MOVE_KMH} (hysteresis):
     * 8 km/h lies above the 2-3 km/h that correlated GPS noise gives a standing receiver over the 30 s window, and a
     * 15 s dwell at a stop is enough to bring the window below it.
     */
    static final double STOP_KMH = 8;
    static final double MOVE_KMH = 15;
    /** Velocity change rate threshold: a change of a quarter of the speed, near Zheng et al. 2008's 0.26. */
    static final double VELOCITY_CHANGE_SHARE = 0.25;
    /** Speeds below this do not count for the velocity change rate (relative changes of a crawl are noise). */
    static final double VELOCITY_CHANGE_MIN_KMH = 5;
    /**
     * Accelerations are speed differences over at least this time (the last fix at least this much earlier), and
     * only up to twice it: at 1 s sampling, differences of consecutive windowed speeds are mostly GPS noise.
     */
    static final long ACCEL_BASE_MILLIS = 10_000;
    /** The plateau is the fixes at or above this share of p95. */
    static final double PLATEAU_SHARE = 0.75;

    private Features() {
    }

    /** The features of fixes {@code first..last}, whose windowed speeds are the first {@code count} of sorted. */
    static SegmentFeatures of(Fixes fixes, StepProfile profile, int first, int last, double[] sorted, int count) {
        if (count == 0) {
            return SegmentFeatures.NONE;
        }
        double median = SegmentStats.quantile(sorted, count, 0.5);
        double p95 = SegmentStats.quantile(sorted, count, 0.95);
        Chords chords = Chords.of(fixes, profile, first, last);
        double km = Math.max(chords.lengthMeters, Chords.CHORD_METERS) / 1000;
        long duration = fixes.time(last) - fixes.time(first);

        double plateauFloor = PLATEAU_SHARE * p95;
        double plateauSum = 0;
        double plateauSquares = 0;
        int plateauCount = 0;
        double[] accels = new double[last - first];
        double[] jerks = new double[last - first];
        int accelCount = 0;
        int jerkCount = 0;
        int velocityChanges = 0;
        long lossMillis = 0;
        double[] spacings = new double[last - first + 2];
        double[] dwells = new double[last - first + 1];
        int stops = 0;
        boolean stopped = false;
        double stopStartAlong = 0;
        long stopStartMillis = 0;
        double previousStopAlong = 0;
        double[] accel = new double[last - first + 1];
        accel[0] = Double.NaN;
        int lag = first;
        for (int j = first + 1; j <= last; j++) {
            long dt = fixes.time(j) - fixes.time(j - 1);
            double v = profile.windowKmh[j];
            if (StepProfile.isSignalLoss(dt, profile.stepMeters[j])) {
                lossMillis += dt;
            }
            if (Double.isNaN(v)) {
                continue;
            }
            if (v >= plateauFloor) {
                plateauSum += v;
                plateauSquares += v * v;
                plateauCount++;
            }
            double before = profile.windowKmh[j - 1];
            if (j > first + 1 && before >= VELOCITY_CHANGE_MIN_KMH
                    && Math.abs(v - before) > VELOCITY_CHANGE_SHARE * before) {
                velocityChanges++;
            }
            while (lag < j && fixes.time(lag + 1) <= fixes.time(j) - ACCEL_BASE_MILLIS) {
                lag++;
            }
            long base = fixes.time(j) - fixes.time(lag);
            accel[j - first] = Double.NaN;
            if (base >= ACCEL_BASE_MILLIS && base <= 2 * ACCEL_BASE_MILLIS && !Double.isNaN(profile.windowKmh[lag])) {
                accel[j - first] = (v - profile.windowKmh[lag]) / 3.6 / (base / 1000.0);
                accels[accelCount++] = Math.abs(accel[j - first]);
                if (!Double.isNaN(accel[lag - first])) {
                    jerks[jerkCount++] = Math.abs(accel[j - first] - accel[lag - first]) / (base / 1000.0);
                }
            }
            double along = chords.along[j - first];
            if (!stopped && v < STOP_KMH) {
                stopped = true;
                stopStartAlong = along;
                stopStartMillis = fixes.time(j);
            } else if (stopped && v > MOVE_KMH) {
                stopped = false;
                double center = (stopStartAlong + along) / 2;
                spacings[stops] = center - previousStopAlong;
                dwells[stops] = fixes.time(j) - stopStartMillis;
                previousStopAlong = center;
                stops++;
            }
        }
        spacings[stops] = chords.lengthMeters - previousStopAlong;
        Arrays.sort(accels, 0, accelCount);
        Arrays.sort(jerks, 0, jerkCount);
        double plateauMean = plateauSum / plateauCount;
        double plateauVariance = Math.max(0, plateauSquares / plateauCount - plateauMean * plateauMean);
        double spacingCv = stops >= 1 ? cv(spacings, stops + 1) : Double.NaN;
        double[] sortedSpacings = Arrays.copyOf(spacings, stops + 1);
        Arrays.sort(sortedSpacings);
        return new SegmentFeatures(median, p95, chords.turns / km, chords.headingChangeDegrees / km, stops / km,
                velocityChanges / km, SegmentStats.quantile(accels, accelCount, 0.95),
                SegmentStats.quantile(jerks, jerkCount, 0.95), SegmentStats.quantile(sortedSpacings, stops + 1, 0.5),
                spacingCv, stops >= 2 ? cv(dwells, stops) : Double.NaN, Math.sqrt(plateauVariance) / plateauMean,
                duration > 0 ? (double) lossMillis / duration : 0);
    }

    /**
     * The middle fix of each stop of fixes {@code first..last} completed inside them, by the hysteresis of
     * {@link #STOP_KMH} and {@link #MOVE_KMH} that {@link #of} counts stops with.
     */
    static int[] stopMiddles(StepProfile profile, int first, int last) {
        int[] middles = new int[last - first + 1];
        int stops = 0;
        int stopFirst = -1;
        for (int j = first + 1; j <= last; j++) {
            double v = profile.windowKmh[j];
            if (stopFirst < 0 && v < STOP_KMH) {
                stopFirst = j;
            } else if (stopFirst >= 0 && v > MOVE_KMH) {
                middles[stops++] = (stopFirst + j) / 2;
                stopFirst = -1;
            }
        }
        return Arrays.copyOf(middles, stops);
    }

    private static double cv(double[] values, int count) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
            squares += values[i] * values[i];
        }
        double mean = sum / count;
        return mean > 0 ? Math.sqrt(Math.max(0, squares / count - mean * mean)) / mean : Double.NaN;
    }
}
