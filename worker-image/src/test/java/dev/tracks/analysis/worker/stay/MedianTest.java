package dev.tracks.analysis.worker.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void equalsTheMiddleOfTheSortedValuesForOddAndEvenCounts() {
        Random random = new Random(2);
        for (int count = 1; count < 200; count++) {
            double[] values = new double[count + 5];
            for (int i = 0; i < values.length; i++) {
                // few distinct values, so that ties are common
                values[i] = random.nextInt(1 + count / 3);
            }
            double[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            double expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;

            assertThat(Median.of(values, count)).as("count %d", count).isEqualTo(expected);
        }
    }

    @Test
    void isNaNWithoutValues() {
        assertThat(Median.of(new double[3], 0)).isNaN();
    }
}
