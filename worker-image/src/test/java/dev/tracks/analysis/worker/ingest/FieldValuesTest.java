package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path for plain decimals gives exactly what Double.parseDouble gives, or leaves the text to it. */
class FieldValuesTest {

    @Test
    void plainDecimalsAreParsedToTheSameDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(19);
            long digits = random.nextLong(1L << 53);
            String text = (random.nextBoolean() ? "-" : "") + String.format("%0" + (decimals + 1) + "d", digits);
            text = text.substring(0, text.length() - decimals) + "." + text.substring(text.length() - decimals);
            assertSame(text);
        }
        for (String text : new String[] {"39.984702", "116.318417", "-777", "0", "-0", "-0.0", "+5", "1.", ".5", "007",
            "9007199254740991", "0.1", "0.0000000000000000000001"}) {
            assertSame(text);
        }
    }

    @Test
    void otherNumbersAreLeftToParseDouble() {
        for (String text : new String[] {"1e5", "NaN", "Infinity", "1.5d", "0x1p3", ".", "-", "", "1.2.3", "1,5",
            "0.00000000000000000000001", "9007199254740993", "123456789012345678", "1.0000000000000000000001"}) {
            assertThat(FieldValues.plainDecimal(text)).as(text).isNaN();
        }
    }

    private static void assertSame(String text) {
        assertThat(Double.doubleToRawLongBits(FieldValues.plainDecimal(text))).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
}
