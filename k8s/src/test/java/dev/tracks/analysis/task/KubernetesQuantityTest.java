package dev.tracks.analysis.task;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesQuantityTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0", "2, 2", "0.5, 0.5", "500m, 0.5", "1Gi, 1073741824", "1.5Gi, 1610612736", "1e9, 1000000000",
            "1E3, 1000", "1e+3, 1000", "25e-3, 0.025", "1E, 1000000000000000000", "128974848, 128974848",
            "129e6, 129000000", "123Mi, 128974848", "1.5, 1.5", ".5, 0.5", "1., 1", "+2, 2", "-1, -1",
            "-5Gi, -5368709120", "100n, 0.0000001", "3u, 0.000003", "2k, 2000", "2Ki, 2048", "1Ei, 1152921504606846976"
    })
    void quantitiesOfTheGrammarHaveTheirExactValue(String text, BigDecimal value) {
        assertThat(KubernetesQuantity.value(text)).hasValueSatisfying(parsed ->
                assertThat(parsed).isEqualByComparingTo(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", " 1", "1 ", "1 Gi", "1GiB", "1gi", "1K", "Gi", "1e", "1e1.5", "1.5.1", "-",
            "+", ".", "1Gi1", "0x10", "1,5", "1_000", "true", "∞", "1e99999999999",
            "0.00000000000000000000000000000000000000000000000000000000000000001"})
    void anythingElseIsNotAQuantity(String text) {
        assertThat(KubernetesQuantity.value(text)).as(text).isEmpty();
    }

    @Test
    void nullIsNotAQuantity() {
        assertThat(KubernetesQuantity.value(null)).isEmpty();
    }
}
