package dev.tracks.analysis.worker.outlier;

import java.util.Arrays;

/**
 * JUMP and SPEED: impossible speeds, after Reitti {@code GeoPointAnomalyFilter} (threshold = max(maxSpeed,
 * 3 x median consecutive speed); an interior point is a jump only if both its in- and out-speed exceed it; an endpoint
 * if its single speed exceeds it and its neighbour's does not) and scikit-mobility {@code filtering.filter}
 * ({@code max_speed_kmh}, haversine speed; {@code include_loops} looks up to {@code max_loop=6} points ahead).
 *
 * <p>Semantics on the clean track: the segment into clean fix {@code k} is a <em>break</em> when its speed is
 * {@code >} the threshold, max({@code maxSpeedKmh}, {@code medianSpeedFactor} x the median speed of the
 * {@value #MEDIAN_SEGMENTS} segments before it). Breaks cut the track into runs of consecutive fixes.
 * <ul>
 *   <li>JUMP: a run of one fix between two breaks (Reitti), or of up to {@value #MAX_SPIKE_FIXES} fixes between two
 *       breaks whose outer neighbours agree (the speed from the fix before the run to the fix after it is possible):
 *       an excursion and its return;</li>
 *   <li>SPEED: the first or the last run of the track, of up to {@value #MAX_SPIKE_FIXES} fixes, when the run on the
 *       other side of its break is longer: the majority decides which side of the one impossible speed is wrong;</li>
 *   <li>anything else, e.g. a longer run after a break (a relocation we cannot explain), is not flagged, so one bad
 *       fix never condemns all the fixes after it (the weakness of "speed from the last kept fix").</li>
 * </ul>
 * Every decision depends on the fixes at most {@link #REACH_BEFORE} before and {@link #REACH_AFTER} after.
 */
final class SpeedRule {

    /** Segments whose median sets the speed threshold: a window, not the whole user, so that results can resume. */
    static final int MEDIAN_SEGMENTS = 20;
    /** Longest run of fixes flagged as one spike (scikit-mobility looks 6 points ahead for loops). */
    static final int MAX_SPIKE_FIXES = 3;
    /** Clean fixes before a fix that its decision may read (runs, their breaks, the thresholds' medians). */
    static final int REACH_BEFORE = 2 * MAX_SPIKE_FIXES + MEDIAN_SEGMENTS + 2;
    /** Clean fixes after a fix that its decision may read (its run, the next break, the next run's length). */
    static final int REACH_AFTER = 2 * MAX_SPIKE_FIXES + 2;

    private final CleanTrack track;
    private final double maxSpeed;
    private final double medianFactor;
    private final double[] speeds;
    private final double[] window = new double[MEDIAN_SEGMENTS];

    private SpeedRule(CleanTrack track, OutlierParameters parameters) {
        this.track = track;
        this.maxSpeed = parameters.maxSpeedMetersPerSecond();
        this.medianFactor = parameters.medianSpeedFactor();
        this.speeds = new double[track.size()];
        for (int k = 1; k < track.size(); k++) {
            speeds[k] = track.speed(k - 1, k);
        }
    }

    /** Sets JUMP or SPEED in {@code reasons} (indexed by clean fix) for the fixes these rules flag. */
    static void flag(CleanTrack track, OutlierParameters parameters, OutlierReason[] reasons) {
        new SpeedRule(track, parameters).flagRuns(reasons);
    }

    private void flagRuns(OutlierReason[] reasons) {
        int size = track.size();
        boolean[] breaks = new boolean[size];
        for (int k = 1; k < size; k++) {
            breaks[k] = isImpossible(speeds[k], k);
        }
        int start = 0;
        while (start < size) {
            int end = start + 1;
            while (end < size && !breaks[end]) {
                end++;
            }
            OutlierReason reason = runReason(breaks, start, end);
            if (reason != null) {
                Arrays.fill(reasons, start, end, reason);
            }
            start = end;
        }
    }

    /** The reason for all fixes of the run {@code [start, end)}, or null when it is not an outlier. */
    private OutlierReason runReason(boolean[] breaks, int start, int end) {
        int length = end - start;
        boolean breakBefore = start > 0;
        boolean breakAfter = end < track.size();
        if (length > MAX_SPIKE_FIXES || !breakBefore && !breakAfter) {
            return null;
        }
        if (breakBefore && breakAfter) {
            boolean neighboursAgree = !isImpossible(track.speed(start - 1, end), end);
            return length == 1 || neighboursAgree ? OutlierReason.JUMP : null;
        }
        int otherRun = breakBefore ? runLengthBefore(breaks, start, length) : runLengthAfter(breaks, end, length);
        return otherRun > length ? OutlierReason.SPEED : null;
    }

    /** Length of the run that ends just before {@code start}, counted up to {@code limit + 1}. */
    private static int runLengthBefore(boolean[] breaks, int start, int limit) {
        int length = 1;
        while (length <= limit && start - length > 0 && !breaks[start - length]) {
            length++;
        }
        return length;
    }

    /** Length of the run that starts at {@code end}, counted up to {@code limit + 1}. */
    private static int runLengthAfter(boolean[] breaks, int end, int limit) {
        int length = 1;
        while (length <= limit && end + length < breaks.length && !breaks[end + length]) {
            length++;
        }
        return length;
    }

    /** Whether {@code speed} (m/s) exceeds the threshold of the segment into clean fix {@code k}. */
    private boolean isImpossible(double speed, int k) {
        // the median only matters above the fixed limit, so it is computed only there
        return speed > maxSpeed && speed > medianFactor * medianSpeedBefore(k);
    }

    private double medianSpeedBefore(int k) {
        int first = Math.max(1, k - MEDIAN_SEGMENTS);
        int count = k - first;
        if (count == 0) {
            return 0;
        }
        System.arraycopy(speeds, first, window, 0, count);
        Arrays.sort(window, 0, count);
        int middle = count / 2;
        return count % 2 == 1 ? window[middle] : (window[middle - 1] + window[middle]) / 2;
    }
}
