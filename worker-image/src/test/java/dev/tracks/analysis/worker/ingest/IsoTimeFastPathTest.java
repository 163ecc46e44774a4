package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimeFastPathTest {

    @Test
    void agreesWithTheGeneralParserOnRandomTimesFractionsAndOffsets() {
        Random random = new Random(42);
        String[] separators = {"T", " ", "t"};
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 4_102_444_800L),
                    random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(57) - 24) * 1800);
            int fractionDigits = random.nextInt(10);
            String pattern = "uuuu-MM-dd'" + separators[i % 3] + "'HH:mm:ss"
                    + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits)) + "XXX";
            String text = DateTimeFormatter.ofPattern(pattern).format(instant.atOffset(offset));

            long fast = IsoTimeFastPath.epochMillis(text);

            assertThat(fast).as(text).isNotEqualTo(IsoTimeFastPath.NOT_MATCHED)
                    .isEqualTo(FixTimes.isoMillis(text, null));
        }
    }

    @Test
    void leavesOtherShapesToTheGeneralParser() {
        for (String text : List.of("2020-01-01T00:00:00+0100", "2020-01-01T00:00+01:00", "2020-01-01T00:00:00",
                "2020-01-01T00:00:00.Z", "2020-01-01T00:00:00.1234567890Z", "2020-01-01T00:00:00+01",
                "20200101T000000Z", "2020-01-01T00:00:00ZZ", "2020-01-01T00:00:00+01:00:30")) {
            assertThat(IsoTimeFastPath.epochMillis(text)).as(text).isEqualTo(IsoTimeFastPath.NOT_MATCHED);
        }
    }

    @Test
    void neverAcceptsWhatTheGeneralParserRejects() {
        for (String text : List.of("2021-02-29T00:00:00Z", "2020-04-31T00:00:00Z", "2020-13-01T00:00:00Z",
                "2020-00-10T00:00:00Z", "2020-01-00T00:00:00Z", "2020-01-01T24:00:00Z", "2020-01-01T23:60:00Z",
                "2020-01-01T00:00:60Z", "2020-01-01T00:00:00+19:00", "2020-01-01T00:00:00+18:30",
                "2020-0a-01T00:00:00Z", "2020-01-01T00:00:00.1a3Z")) {
            assertThat(IsoTimeFastPath.epochMillis(text)).as(text).isEqualTo(IsoTimeFastPath.NOT_MATCHED);
            assertThatThrownBy(() -> FixTimes.isoMillis(text, null)).as(text).isInstanceOf(RowRejected.class);
        }
        assertThat(IsoTimeFastPath.epochMillis("2020-02-29T23:59:59.999-00:30"))
                .isEqualTo(Instant.parse("2020-03-01T00:29:59.999Z").toEpochMilli());
    }
}
