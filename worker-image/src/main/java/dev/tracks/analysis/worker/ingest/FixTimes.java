package dev.tracks.analysis.worker.ingest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the recorded time of a row into epoch milliseconds (UTC).
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>ISO-8601 date-time, {@code T} or a space between date and time, any fraction of a second (truncated to the
 *       millisecond), with an offset {@code Z}, {@code +02:00}, {@code +0200} or {@code +02};</li>
 *   <li>the same without an offset: a local time, interpreted in the configured zone; without a zone the row is
 *       rejected (a guessed zone would shift the fixes by hours without anybody noticing);</li>
 *   <li>a plain number, optionally negative and with a fraction: epoch <b>seconds</b> if its absolute value is below
 *       10^11, else epoch <b>milliseconds</b>. 10^11 s is the year 5138 and 10^11 ms is 1973-03-03, so the rule is
 *       unambiguous for fixes recorded after March 1973 (only millisecond times before then would be misread).</li>
 * </ul>
 */
final class FixTimes {

    /** Epoch values at or above this (in absolute value) are milliseconds, below it seconds. */
    static final double MILLIS_THRESHOLD = 1e11;

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private FixTimes() {
    }

    /**
     * The epoch milliseconds of {@code text}.
     *
     * @param localZone the zone of times without an offset, or null to reject them
     * @throws RowRejected if the text is empty or not a time of the accepted forms
     */
    static long parse(String text, ZoneId localZone) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new RowRejected("time missing");
        }
        if (isPlainNumber(trimmed)) {
            return epochMillis(trimmed);
        }
        long fast = IsoTimeFastPath.epochMillis(trimmed);
        return fast != IsoTimeFastPath.NOT_MATCHED ? fast : isoMillis(trimmed, localZone);
    }

    /** The general ISO-8601 parser (also the reference that the fast path is tested against). */
    static long isoMillis(String text, ZoneId localZone) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        TemporalAccessor parsed;
        try {
            parsed = ISO.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeException e) {
            throw new RowRejected("time '" + text + "' is neither ISO-8601 nor an epoch number");
        }
        if (!(parsed instanceof OffsetDateTime) && localZone == null) {
            throw new RowRejected("time '" + text + "' has no UTC offset and no zone is configured");
        }
        try {
            return parsed instanceof OffsetDateTime offsetTime ? offsetTime.toInstant().toEpochMilli()
                    : ((LocalDateTime) parsed).atZone(localZone).toInstant().toEpochMilli();
        } catch (ArithmeticException e) {
            // a year beyond some 292 million has no epoch millisecond
            throw new RowRejected("time '" + text + "' is out of range");
        }
    }

    private static long epochMillis(String number) {
        if (number.indexOf('.') < 0 && number.length() < 19) {
            long value = Long.parseLong(number);
            return Math.abs(value) < MILLIS_THRESHOLD ? value * 1000 : value;
        }
        double value = Double.parseDouble(number);
        if (Math.abs(value) > 1e15) {
            throw new RowRejected("epoch time " + number + " is out of range");
        }
        return Math.abs(value) < MILLIS_THRESHOLD ? Math.round(value * 1000) : Math.round(value);
    }

    /** Digits with an optional leading minus and at most one decimal point, e.g. {@code 1224997174.5}. */
    private static boolean isPlainNumber(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean point = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits;
    }
}
