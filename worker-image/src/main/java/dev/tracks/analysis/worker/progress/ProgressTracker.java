package dev.tracks.analysis.worker.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts processed and failed points against the total counted up front, with a smoothed rate and an ETA, and hands a
 * snapshot to the listener at most once per {@code interval} (plus once at the end): reporting must cost next to
 * nothing against the analysis itself.
 *
 * <p>The rate is an exponentially weighted moving average of the rate between reports (smoothing factor 0.3), so the
 * ETA follows a run that speeds up or slows down without jumping at every batch.
 */
public final class ProgressTracker {

    private static final double SMOOTHING = 0.3;

    private final ProgressListener listener;
    private final Clock clock;
    private final Duration interval;
    private long total;
    private long processed;
    private long failed;
    private Instant lastReport;
    private long processedAtLastReport;
    private double smoothedRate = Double.NaN;

    public ProgressTracker(ProgressListener listener, Clock clock, Duration interval) {
        this.listener = listener;
        this.clock = clock;
        this.interval = interval;
    }

    /** Starts the run with the number of points counted to analyze; reports at once. */
    public void start(long totalPoints) {
        total = totalPoints;
        lastReport = clock.instant();
        listener.report(snapshot(lastReport), false);
    }

    /** Adds committed points; reports when the interval has passed. */
    public void advance(long processedPoints, long failedPoints) {
        processed += processedPoints;
        failed += failedPoints;
        Instant now = clock.instant();
        if (Duration.between(lastReport, now).compareTo(interval) >= 0) {
            updateRate(now);
            listener.report(snapshot(now), false);
        }
    }

    public long processed() {
        return processed;
    }

    /** The final report. */
    public ProgressSnapshot finish() {
        Instant now = clock.instant();
        updateRate(now);
        ProgressSnapshot last = snapshot(now);
        listener.report(last, true);
        return last;
    }

    private void updateRate(Instant now) {
        double seconds = Duration.between(lastReport, now).toNanos() / 1e9;
        if (seconds > 0) {
            double rate = (processed - processedAtLastReport) / seconds;
            smoothedRate = Double.isNaN(smoothedRate) ? rate : SMOOTHING * rate + (1 - SMOOTHING) * smoothedRate;
        }
        lastReport = now;
        processedAtLastReport = processed;
    }

    private ProgressSnapshot snapshot(Instant now) {
        // The count is taken before the run; points that arrive meanwhile can make processed exceed it.
        long shownTotal = Math.max(total, processed);
        double percent = shownTotal == 0 ? 100.0 : 100.0 * processed / shownTotal;
        Long eta = Double.isNaN(smoothedRate) || smoothedRate <= 0 ? null
                : (long) Math.ceil((shownTotal - processed) / smoothedRate);
        return new ProgressSnapshot(shownTotal, processed, failed, percent,
                Double.isNaN(smoothedRate) ? null : smoothedRate, eta, now);
    }
}
