package dev.tracks.analysis.worker.slicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Local buckets on the calendar's awkward days: DST changes, ISO weeks, the day Samoa skipped. */
class LocalBucketTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Test
    void aDayStartsAtLocalMidnightNotAtUtcMidnight() {
        // 23:30 UTC on 1 January is 00:30 on 2 January in Zurich (UTC+1 in winter).
        LocalBucket day = bucket("2026-01-01T23:30:00Z", ZURICH, Granularity.DAY);
        assertThat(Instant.ofEpochMilli(day.startMillis())).isEqualTo(Instant.parse("2026-01-01T23:00:00Z"));
        assertThat(Instant.ofEpochMilli(day.endMillis())).isEqualTo(Instant.parse("2026-01-02T23:00:00Z"));
        assertThat(day.localStart()).isEqualTo(LocalDateTime.parse("2026-01-02T00:00"));
    }

    @Test
    void dstDaysLast23And25HoursWithAsManyHourlyBuckets() {
        LocalBucket spring = bucket("2026-03-29T12:00:00Z", ZURICH, Granularity.DAY);
        assertThat(spring.endMillis() - spring.startMillis()).isEqualTo(Duration.ofHours(23).toMillis());
        LocalBucket autumn = bucket("2026-10-25T12:00:00Z", ZURICH, Granularity.DAY);
        assertThat(autumn.endMillis() - autumn.startMillis()).isEqualTo(Duration.ofHours(25).toMillis());

        assertThat(hoursOf(spring)).hasSize(23).extracting(LocalBucket::localStart)
                .doesNotContain(LocalDateTime.parse("2026-03-29T02:00"));
        List<LocalBucket> autumnHours = hoursOf(autumn);
        assertThat(autumnHours).hasSize(25).allSatisfy(hour ->
                assertThat(hour.endMillis() - hour.startMillis()).isEqualTo(3_600_000));
        // The repeated 02:00 hour: two buckets, an hour apart, with the same local start.
        assertThat(autumnHours).filteredOn(hour -> hour.localStart().equals(LocalDateTime.parse("2026-10-25T02:00")))
                .extracting(hour -> Instant.ofEpochMilli(hour.startMillis()))
                .containsExactly(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"));
    }

    @Test
    void aWeekRunsFromMondayToMonday() {
        // Sunday 2026-03-08 23:30 local and Monday 2026-03-09 00:30 local are in different weeks.
        LocalBucket sunday = bucket("2026-03-08T22:30:00Z", ZURICH, Granularity.WEEK);
        LocalBucket monday = bucket("2026-03-08T23:30:00Z", ZURICH, Granularity.WEEK);
        assertThat(sunday.localStart()).isEqualTo(LocalDateTime.parse("2026-03-02T00:00"));
        assertThat(monday.localStart()).isEqualTo(LocalDateTime.parse("2026-03-09T00:00"));
        assertThat(sunday.endMillis()).isEqualTo(monday.startMillis());
        // The week of the spring-forward Sunday is an hour short.
        LocalBucket dstWeek = bucket("2026-03-25T12:00:00Z", ZURICH, Granularity.WEEK);
        assertThat(dstWeek.endMillis() - dstWeek.startMillis()).isEqualTo(Duration.ofHours(7 * 24 - 1).toMillis());
    }

    @Test
    void aMonthIsTheLocalCalendarMonth() {
        LocalBucket february = bucket("2026-02-28T23:30:00Z", ZURICH, Granularity.MONTH); // 1 March, 00:30 local
        assertThat(february.localStart()).isEqualTo(LocalDateTime.parse("2026-03-01T00:00"));
        assertThat(Instant.ofEpochMilli(february.endMillis())).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void theDaySamoaSkippedAcrossTheDateLineHasNoBucket() {
        ZoneId apia = ZoneId.of("Pacific/Apia");
        // Samoa went from 29 December 2011, 23:59 (UTC-10) straight to 31 December, 00:00 (UTC+14).
        LocalBucket before = bucket("2011-12-30T09:30:00Z", apia, Granularity.DAY);
        LocalBucket after = bucket("2011-12-30T10:30:00Z", apia, Granularity.DAY);
        assertThat(before.localStart()).isEqualTo(LocalDateTime.parse("2011-12-29T00:00"));
        assertThat(after.localStart()).isEqualTo(LocalDateTime.parse("2011-12-31T00:00"));
        assertThat(before.endMillis()).isEqualTo(after.startMillis());
        LocalBucket week = bucket("2011-12-30T10:30:00Z", apia, Granularity.WEEK);
        assertThat(week.endMillis() - week.startMillis()).isEqualTo(Duration.ofDays(6).toMillis());
    }

    @Test
    void anHourOfAHalfHourOffsetChangeIsCutAtTheChange() {
        // Lord Howe Island leaves daylight time on 5 April 2026 at 02:00 (+11) for 01:30 (+10:30): 15:00 UTC on
        // 4 April.
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        LocalBucket first = bucket("2026-04-04T14:30:00Z", lordHowe, Granularity.HOUR);
        LocalBucket repeatedHalf = bucket("2026-04-04T15:10:00Z", lordHowe, Granularity.HOUR);
        assertThat(first.endMillis()).isEqualTo(Instant.parse("2026-04-04T15:00:00Z").toEpochMilli());
        assertThat(repeatedHalf.startMillis()).isEqualTo(first.endMillis());
        assertThat(repeatedHalf.endMillis() - repeatedHalf.startMillis()).isEqualTo(1_800_000);
        assertThat(repeatedHalf.localStart()).isEqualTo(LocalDateTime.parse("2026-04-05T01:30"));
    }

    private static LocalBucket bucket(String instant, ZoneId zone, Granularity granularity) {
        LocalBucket bucket = LocalBucket.containing(Instant.parse(instant).toEpochMilli(), zone, granularity);
        assertThat(bucket.contains(Instant.parse(instant).toEpochMilli())).isTrue();
        return bucket;
    }

    /** The hourly buckets that tile a span, walking from bucket end to bucket start. */
    private static List<LocalBucket> hoursOf(LocalBucket span) {
        List<LocalBucket> hours = new ArrayList<>();
        long at = span.startMillis();
        while (at < span.endMillis()) {
            LocalBucket hour = LocalBucket.containing(at, span.zone(), Granularity.HOUR);
            assertThat(hour.startMillis()).isEqualTo(at);
            hours.add(hour);
            at = hour.endMillis();
        }
        return hours;
    }
}
