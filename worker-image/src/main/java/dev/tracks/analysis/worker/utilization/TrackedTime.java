package dev.tracks.analysis.worker.utilization;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * Sums the steps between consecutive fixes into moving time, stopped time and path length, after gpxpy
 * {@code GPXTrackSegment.get_moving_data}: a step whose speed is at most the stopped speed is stopped time, a faster
 * one moving time. Unlike gpxpy, a step of zero distance counts as stopped (gpxpy leaves it out of both, so a phone
 * lying still for an hour was neither moving nor stopped), distances are 2D (fix altitudes are too noisy for 3D), and
 * a step longer than the gap threshold is a recording gap that counts as neither. A step of zero duration (duplicate
 * times) carries no time and its distance is jitter: it is left out.
 */
public final class TrackedTime {

    private final double stoppedMetersPerSecond;
    private final long maxGapMillis;
    private double movingSeconds;
    private double stoppedSeconds;
    private double pathMeters;

    TrackedTime(UtilizationParams params) {
        this(params.stoppedSpeedKmh(), params.maxGapMillis());
    }

    /**
     * @param stoppedSpeedKmh a step at or below this speed is stopped time
     * @param maxGapMillis a longer step is a recording gap (Long.MAX_VALUE: the caller has left the gaps out)
     */
    public TrackedTime(double stoppedSpeedKmh, long maxGapMillis) {
        this.stoppedMetersPerSecond = stoppedSpeedKmh / 3.6;
        this.maxGapMillis = maxGapMillis;
    }

    /**
     * Adds the part of the step from fix {@code i - 1} to fix {@code i} that lies in {@code [windowStart, windowEnd)}
     * (epoch milliseconds), in proportion to its time: a step across local midnight is split between the two days.
     */
    public void step(Fixes fixes, int i, long windowStart, long windowEnd) {
        long from = fixes.time(i - 1);
        long to = fixes.time(i);
        long duration = to - from;
        if (duration <= 0 || duration > maxGapMillis) {
            return;
        }
        long inside = Math.min(to, windowEnd) - Math.max(from, windowStart);
        if (inside <= 0) {
            return;
        }
        add((double) inside / duration, duration,
                Geodesy.distanceMeters(fixes.lat(i - 1), fixes.lon(i - 1), fixes.lat(i), fixes.lon(i)));
    }

    /**
     * Adds a whole step of {@code durationMillis} over {@code meters}, measured by the caller (once for the several
     * sums a step may count to).
     */
    public void step(long durationMillis, double meters) {
        if (durationMillis > 0 && durationMillis <= maxGapMillis) {
            add(1, durationMillis, meters);
        }
    }

    private void add(double share, long durationMillis, double meters) {
        double seconds = durationMillis / 1000.0;
        if (meters / seconds <= stoppedMetersPerSecond) {
            stoppedSeconds += share * seconds;
        } else {
            movingSeconds += share * seconds;
        }
        pathMeters += share * meters;
    }

    /** Adds every step between fixes {@code first} and {@code last} (inclusive). */
    void steps(Fixes fixes, int first, int last) {
        for (int i = first + 1; i <= last; i++) {
            step(fixes, i, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    public double movingSeconds() {
        return movingSeconds;
    }

    double stoppedSeconds() {
        return stoppedSeconds;
    }

    public double pathMeters() {
        return pathMeters;
    }
}
