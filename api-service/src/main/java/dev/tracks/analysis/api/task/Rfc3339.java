package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.problem.ApiException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time in a query parameter, as RFC 3339 (and the OpenAPI format date-time) writes it: four-digit year, seconds,
 * optional fraction, Z or an offset of up to 23:59. java.time alone would refuse offsets beyond 18 hours, which RFC
 * 3339 allows, and accept forms it does not (years of more than four digits, no seconds).
 */
final class Rfc3339 {

    private static final Pattern TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})"
            + "(\\.\\d{1,9})?\\d*([Zz]|([+-])(\\d{2}):(\\d{2}))");
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private Rfc3339() {
    }

    /** The time in UTC; 400 when it is not RFC 3339, 422 when it is but lies outside the years 0001 to 9999. */
    static OffsetDateTime parse(String name, String value) {
        Matcher time = TIME.matcher(value);
        if (!time.matches()) {
            throw ApiException.badRequest(name, "must be an RFC 3339 time such as 2026-01-31T00:00:00Z, got '"
                    + value + "'");
        }
        LocalDateTime local;
        try {
            int second = Integer.parseInt(time.group(6));
            String fraction = time.group(7) == null ? "" : time.group(7).substring(1);
            // A leap second (60) is the first instant of the next minute, as java.time counts.
            local = LocalDateTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)),
                    Integer.parseInt(time.group(3)), Integer.parseInt(time.group(4)), Integer.parseInt(time.group(5)),
                    Math.min(second, 59), fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000")
                            .substring(0, 9))).plusSeconds(second == 60 ? 1 : 0);
        } catch (DateTimeException e) {
            throw ApiException.badRequest(name, "must be an RFC 3339 time: no such date or time in '" + value + "'");
        }
        int offsetMinutes = 0;
        if (time.group(9) != null) {
            int hours = Integer.parseInt(time.group(10));
            int minutes = Integer.parseInt(time.group(11));
            if (hours > 23 || minutes > 59) {
                throw ApiException.badRequest(name, "must be an RFC 3339 time: offset out of range in '" + value
                        + "'");
            }
            offsetMinutes = (time.group(9).equals("-") ? -1 : 1) * (hours * 60 + minutes);
        }
        OffsetDateTime utc = local.minusMinutes(offsetMinutes).atOffset(ZoneOffset.UTC);
        if (utc.getYear() < FIRST_YEAR || utc.getYear() > LAST_YEAR) {
            throw ApiException.invalid(name, "must lie in the years 0001 to 9999 (UTC), got '" + value + "'");
        }
        return utc;
    }
}
