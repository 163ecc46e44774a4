package dev.tracks.analysis.worker.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Reads a GeoLife PLT file (GeoLife GPS Trajectories 1.3 User Guide, Zheng et al. 2010; trackintel
 * {@code io/dataset_reader.py::read_geolife}): six header lines, then one fix per line as
 * {@code lat,lon,0,altitude_feet,days_since_1899-12-30,date,time}, in UTC.
 *
 * <p>The time is taken from the date and time fields (exact to the second); the fractional-day field repeats it with
 * rounding and is ignored. Altitude is converted from feet (x 0.3048); -777 means unknown (NaN). The first six lines
 * are skipped whatever they hold; rejections count physical lines from 1, so the first fix is line 7. Blank lines are
 * not rows. PLT files carry no user: it comes from the caller (for a GeoLife tree the user folder's name).
 */
final class PltReader implements FixReader {

    static final int HEADER_LINES = 6;
    static final double METRES_PER_FOOT = 0.3048;
    static final double UNKNOWN_ALTITUDE_FEET = -777;

    @Override
    public ImportReport read(InputStream in, String userId, ReaderOptions options, FixSink sink) throws IOException {
        ImportGate gate = new ImportGate(LocationUnit.LINE, options, sink);
        if (userId == null) {
            gate.fail(0, "a PLT file names no user: give userId or import the GeoLife tree <user>/Trajectory/");
            return gate.report();
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Days days = new Days();
        long lineNumber = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (lineNumber <= HEADER_LINES || line.isBlank()) {
                continue;
            }
            ImportedFix fix;
            try {
                fix = parse(line, userId, days);
            } catch (RowRejected e) {
                gate.reject(lineNumber, 0, e.getMessage());
                continue;
            }
            gate.offer(lineNumber, 0, fix);
        }
        return gate.report();
    }

    private static ImportedFix parse(String line, String userId, Days days) {
        // The fields between commas by position: String.split's list and array cost more than the numbers' parsing.
        int[] ends = new int[7];
        int fields = 0;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', comma + 1)) {
            if (fields < ends.length) {
                ends[fields] = comma;
            }
            fields++;
        }
        if (fields < ends.length) {
            ends[fields] = line.length();
        }
        fields++;
        if (fields < 7) {
            throw new RowRejected("expected 7 comma-separated fields, found " + fields);
        }
        double lat = FieldValues.required(line.substring(0, ends[0]), "lat");
        double lon = FieldValues.required(field(line, ends, 1), "lon");
        double feet = FieldValues.optional(field(line, ends, 3), "altitude");
        double altitude = feet == UNKNOWN_ALTITUDE_FEET ? Double.NaN : feet * METRES_PER_FOOT;
        return ImportedFix.of(userId, epochMillis(field(line, ends, 5).trim(), field(line, ends, 6).trim(), days), lat,
                lon, altitude);
    }

    /** Field {@code index} (from 1) of a line whose fields end at {@code ends}. */
    private static String field(String line, int[] ends, int index) {
        return line.substring(ends[index - 1] + 1, ends[index]);
    }

    /** The day of the line before: the lines of a file share a few days, and LocalDate.of checks each one. */
    private static final class Days {
        private String date;
        private long epochDay;

        long epochDay(String text) {
            if (!text.equals(date)) {
                epochDay = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
                date = text;
            }
            return epochDay;
        }
    }

    private static long epochMillis(String date, String time, Days days) {
        try {
            if (isPlainDate(date) && isPlainTime(time)) {
                // GeoLife's own shape, read digit by digit: DateTimeFormatter was the import's largest cost in Java.
                long day = days.epochDay(date);
                int second = LocalTime.of(digits(time, 0, 2), digits(time, 3, 5), digits(time, 6, 8)).toSecondOfDay();
                return (day * 86_400 + second) * 1_000;
            }
            return LocalDate.parse(date).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            // ArithmeticException: a year beyond some 292 million has no epoch millisecond
            throw new RowRejected("date/time '" + date + " " + time + "' is not yyyy-MM-dd HH:mm:ss");
        }
    }

    /** {@code yyyy-MM-dd} exactly. */
    private static boolean isPlainDate(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && allDigits(text, 0, 4)
                && allDigits(text, 5, 7) && allDigits(text, 8, 10);
    }

    /** {@code HH:mm:ss} exactly. */
    private static boolean isPlainTime(String text) {
        return text.length() == 8 && text.charAt(2) == ':' && text.charAt(5) == ':' && allDigits(text, 0, 2)
                && allDigits(text, 3, 5) && allDigits(text, 6, 8);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
