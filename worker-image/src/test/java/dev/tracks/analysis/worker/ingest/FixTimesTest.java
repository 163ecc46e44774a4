package dev.tracks.analysis.worker.ingest;

import static dev.tracks.analysis.worker.ingest.Imports.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FixTimesTest {

    @Test
    void isoTimesWithAnyOffsetFormAreUtcInstants() {
        long expected = millis("2020-06-01T10:00:00Z");

        assertThat(FixTimes.parse("2020-06-01T10:00:00Z", null)).isEqualTo(expected);
        assertThat(FixTimes.parse("2020-06-01t10:00:00z", null)).isEqualTo(expected);
        assertThat(FixTimes.parse("2020-06-01T12:00:00+02:00", null)).isEqualTo(expected);
        assertThat(FixTimes.parse("2020-06-01T12:00:00+0200", null)).isEqualTo(expected);
        assertThat(FixTimes.parse("2020-06-01T12:00+02", null)).isEqualTo(expected);
        assertThat(FixTimes.parse(" 2020-06-01 07:00:00-03:00 ", null)).isEqualTo(expected);
    }

    @Test
    void fractionsAreTruncatedToTheMillisecond() {
        assertThat(FixTimes.parse("2020-06-01T10:00:00.123987654Z", null))
                .isEqualTo(millis("2020-06-01T10:00:00.123Z"));
    }

    @Test
    void localTimesNeedAZoneAndFollowItsDaylightSavingTime() {
        ZoneId zurich = ZoneId.of("Europe/Zurich");

        assertThatThrownBy(() -> FixTimes.parse("2020-06-01T12:00:00", null)).isInstanceOf(RowRejected.class)
                .hasMessage("time '2020-06-01T12:00:00' has no UTC offset and no zone is configured");
        assertThat(FixTimes.parse("2020-06-01T12:00:00", zurich)).isEqualTo(millis("2020-06-01T10:00:00Z"));
        assertThat(FixTimes.parse("2020-01-01 12:00:00", zurich)).isEqualTo(millis("2020-01-01T11:00:00Z"));
        assertThat(FixTimes.parse("2020-01-01T12:00:00+05:00", zurich)).as("an offset wins over the zone")
                .isEqualTo(millis("2020-01-01T07:00:00Z"));
        assertThat(FixTimes.parse("2020-01-01T12:00:00", ZoneOffset.UTC)).isEqualTo(millis("2020-01-01T12:00:00Z"));
    }

    @Test
    void epochNumbersBelowTenToTheElevenAreSecondsAndAboveMilliseconds() {
        assertThat(FixTimes.parse("1224997174", null)).isEqualTo(1_224_997_174_000L);
        assertThat(FixTimes.parse("1224997174123", null)).isEqualTo(1_224_997_174_123L);
        assertThat(FixTimes.parse("1224997174.5", null)).isEqualTo(1_224_997_174_500L);
        assertThat(FixTimes.parse("99999999999", null)).isEqualTo(99_999_999_999_000L);
        assertThat(FixTimes.parse("100000000000", null)).isEqualTo(100_000_000_000L);
        assertThat(FixTimes.parse("-86400", null)).isEqualTo(-86_400_000L);
        assertThat(FixTimes.parse("0", null)).isZero();
    }

    @Test
    void otherTextIsRejectedWithAReason() {
        assertThatThrownBy(() -> FixTimes.parse("  ", null)).hasMessage("time missing");
        assertThatThrownBy(() -> FixTimes.parse(null, null)).hasMessage("time missing");
        assertThatThrownBy(() -> FixTimes.parse("2020-02-30T00:00:00Z", null))
                .hasMessage("time '2020-02-30T00:00:00Z' is neither ISO-8601 nor an epoch number");
        assertThatThrownBy(() -> FixTimes.parse("1.2.3", null)).isInstanceOf(RowRejected.class);
        assertThatThrownBy(() -> FixTimes.parse("-", null)).isInstanceOf(RowRejected.class);
        assertThatThrownBy(() -> FixTimes.parse("1e12", null)).isInstanceOf(RowRejected.class);
        assertThatThrownBy(() -> FixTimes.parse("99999999999999999999", null))
                .hasMessage("epoch time 99999999999999999999 is out of range");
        assertThatThrownBy(() -> FixTimes.parse("+999999999-12-31T00:00:00Z", null)).as("no epoch millisecond")
                .isInstanceOf(RowRejected.class).hasMessage("time '+999999999-12-31T00:00:00Z' is out of range");
    }
}
