package dev.tracks.analysis.worker.slicing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * One local time bucket as a span of time, {@code [startMillis, endMillis)}. The buckets of one zone tile the time
 * line: each bucket's end is the next one's start.
 *
 * <ul>
 *   <li>DAY, WEEK, MONTH: from the first local midnight of the day, the ISO week's Monday or the month's first day
 *       to the first local midnight of the next one ({@code LocalDate.atStartOfDay(zone)}: where midnight is skipped,
 *       the bucket starts when the day does). A day with a DST change lasts 23 or 25 hours; the day Samoa skipped
 *       (2011-12-30) has no bucket and the week around it lasts six days.</li>
 *   <li>HOUR: a maximal span with the same local clock hour and the same UTC offset. A spring-forward day has 23 of
 *       them; on a fall-back day the repeated hour (02:00 in Zurich) is two buckets with the same local start,
 *       25 in all. Where an offset changes by half an hour, the affected clock hour is a half-hour bucket.</li>
 * </ul>
 */
record LocalBucket(long startMillis, long endMillis, ZoneId zone) {

    private static final long HOUR_SECONDS = 3600;

    /** The bucket of {@code granularity} in {@code zone} that holds the instant {@code epochMillis}. */
    static LocalBucket containing(long epochMillis, ZoneId zone, Granularity granularity) {
        Instant time = Instant.ofEpochMilli(epochMillis);
        if (granularity == Granularity.HOUR) {
            return hour(time, zone);
        }
        LocalDate first = firstDay(LocalDate.ofInstant(time, zone), granularity);
        LocalDate next = switch (granularity) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
            case HOUR -> throw new IllegalStateException("hours are not calendar days");
        };
        return new LocalBucket(startOf(first, zone), startOf(next, zone), zone);
    }

    /** The bucket's start on its zone's wall clock. */
    LocalDateTime localStart() {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(startMillis), zone);
    }

    boolean contains(long epochMillis) {
        return epochMillis >= startMillis && epochMillis < endMillis;
    }

    private static LocalDate firstDay(LocalDate date, Granularity granularity) {
        return switch (granularity) {
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            default -> date;
        };
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static LocalBucket hour(Instant time, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(time);
        long localSeconds = time.getEpochSecond() + offset.getTotalSeconds();
        long start = (Math.floorDiv(localSeconds, HOUR_SECONDS) * HOUR_SECONDS - offset.getTotalSeconds()) * 1000;
        long end = start + HOUR_SECONDS * 1000;
        // The offset changed within the clock hour: the bucket is the part on this side of the change.
        ZoneOffsetTransition before = rules.previousTransition(time.plusNanos(1));
        if (before != null && before.getInstant().toEpochMilli() > start) {
            start = before.getInstant().toEpochMilli();
        }
        ZoneOffsetTransition after = rules.nextTransition(time);
        if (after != null && after.getInstant().toEpochMilli() < end) {
            end = after.getInstant().toEpochMilli();
        }
        return new LocalBucket(start, end, zone);
    }
}
