package dev.tracks.analysis.api.bench;

import java.util.Arrays;

/**
 * The latencies of one benchmark series (nanoseconds), with the number of failed requests and of those unanswered
 * when the series ended (their latency is the wait so far, so the percentiles are then lower bounds).
 */
record Latencies(String name, long[] sortedNanos, int errors, int unanswered) {

    static Latencies of(String name, long[] nanos, int errors, int unanswered) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(name, sorted, errors, unanswered);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile in milliseconds ({@code p} in 0..100). */
    double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
