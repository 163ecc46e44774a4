package dev.tracks.analysis.worker.footprint;

import java.util.Arrays;

/**
 * Summary of a sample. Percentiles interpolate linearly between order statistics, as {@code numpy.percentile}'s
 * default ("linear", Hyndman &amp; Fan type 7). An empty sample has count 0 and NaN everywhere else.
 */
public record Distribution(int count, double min, double median, double p90, double max, double mean) {

    public static Distribution of(double[] values) {
        if (values.length == 0) {
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new Distribution(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 90),
                sorted[sorted.length - 1], sum / sorted.length);
    }

    /** The {@code percent} percentile of a non-empty sorted sample, interpolated linearly as above. */
    public static double percentile(double[] sorted, double percent) {
        double rank = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
