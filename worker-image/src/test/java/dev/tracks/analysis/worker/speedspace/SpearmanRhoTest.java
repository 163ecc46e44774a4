package dev.tracks.analysis.worker.speedspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/** Spearman's rho on primitive arrays against commons-math3's SpearmansCorrelation. */
class SpearmanRhoTest {

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(SpearmanRho.averageRanks(new double[] {30, 10, 20, 10, 30, 30}, 6))
                .containsExactly(5, 1.5, 3, 1.5, 5, 5);
    }

    @Test
    void itAgreesWithCommonsMathOnRandomDataWithTies() {
        Random random = new Random(17);
        for (int round = 0; round < 50; round++) {
            int n = 3 + random.nextInt(300);
            double[] x = new double[n + 5];
            double[] y = new double[n + 5];
            for (int i = 0; i < n; i++) {
                x[i] = Math.round(random.nextDouble() * 20);
                y[i] = Math.round(x[i] * random.nextDouble() * 5 + random.nextGaussian() * 10);
            }
            double[] xs = Arrays.copyOf(x, n);
            double[] ys = Arrays.copyOf(y, n);
            assertThat(SpearmanRho.of(x, y, n)).isCloseTo(new SpearmansCorrelation().correlation(xs, ys),
                    within(1e-12));
        }
    }

    @Test
    void aConstantSideHasNoRho() {
        assertThat(SpearmanRho.of(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, 4)).isNaN();
        assertThat(new SpearmansCorrelation().correlation(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}))
                .isNaN();
    }
}
