package dev.tracks.analysis.worker.stay;

/**
 * The median as pandas computes it (the mean of the two middle values for an even count), by selection in expected
 * linear time instead of a full sort: stays can hold thousands of fixes.
 */
final class Median {

    private Median() {
    }

    /** The median of {@code values[0, count)}, reordering them; NaN when {@code count} is 0. */
    static double of(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        int middle = count / 2;
        select(values, count, middle);
        if (count % 2 == 1) {
            return values[middle];
        }
        // after selection every value before the middle is <= it: the lower middle is their maximum
        double lower = values[0];
        for (int i = 1; i < middle; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + values[middle]) / 2;
    }

    /** Reorders {@code values[0, count)} so that index k holds the k-th smallest, smaller ones before it. */
    private static void select(double[] values, int count, int k) {
        int left = 0;
        int right = count - 1;
        while (left < right) {
            double pivot = medianOfThree(values[left], values[(left + right) >>> 1], values[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
