package dev.tracks.analysis.worker.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads delimited text with a header row (trackintel's {@code read_positionfixes_csv} layout
 * {@code user_id;tracked_at;latitude;longitude;elevation;accuracy} and the like).
 *
 * <p>The first non-blank line is the header; its most frequent delimiter among comma, semicolon and tab is the
 * file's ({@link CsvLine#detectDelimiter}). Columns are found by name ({@link FieldNames}); time, latitude and
 * longitude are required, and a user column unless the caller gives the user. Times as {@link FixTimes} parses
 * them; altitude and accuracy in metres, speed in m/s, heading in degrees. A row with more or fewer fields than the
 * header is rejected, since its values may have shifted to other columns (e.g. a decimal comma in a
 * comma-separated file). Rejections count physical lines from 1 (the header is line 1 when it opens the file);
 * blank lines are not rows. A leading UTF-8 byte-order mark is ignored.
 */
final class CsvReader implements FixReader {

    private static final List<FixField> REQUIRED = List.of(FixField.TIME, FixField.LAT, FixField.LON);

    @Override
    public ImportReport read(InputStream in, String userId, ReaderOptions options, FixSink sink) throws IOException {
        ImportGate gate = new ImportGate(LocationUnit.LINE, options, sink);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long lineNumber = 0;
        String line;
        do {
            line = lines.readLine();
            lineNumber++;
        } while (line != null && line.isBlank());
        if (line == null) {
            return gate.report();
        }
        String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
        char delimiter = CsvLine.detectDelimiter(header);
        List<String> headers = CsvLine.split(header, delimiter);
        Map<FixField, Integer> columns = columns(headers, options.fieldNames());
        String missing = missingColumn(columns, userId, options.fieldNames());
        if (missing != null) {
            gate.fail(lineNumber, missing);
            return gate.report();
        }
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ImportedFix fix;
            try {
                fix = parse(CsvLine.split(line, delimiter), headers.size(), columns, userId, options);
            } catch (RowRejected e) {
                gate.reject(lineNumber, 0, e.getMessage());
                continue;
            }
            gate.offer(lineNumber, 0, fix);
        }
        return gate.report();
    }

    private static Map<FixField, Integer> columns(List<String> headers, FieldNames names) {
        Map<FixField, Integer> columns = new EnumMap<>(FixField.class);
        for (FixField field : FixField.values()) {
            int index = names.indexIn(headers, field);
            if (index >= 0) {
                columns.put(field, index);
            }
        }
        return columns;
    }

    private static String missingColumn(Map<FixField, Integer> columns, String userId, FieldNames names) {
        for (FixField field : REQUIRED) {
            if (!columns.containsKey(field)) {
                String name = field.name().toLowerCase(Locale.ROOT);
                return "no " + name + " column (looked for " + names.namesOf(field) + ")";
            }
        }
        if (userId == null && !columns.containsKey(FixField.USER)) {
            return "no user column (looked for " + names.namesOf(FixField.USER) + ") and no userId given";
        }
        return null;
    }

    private static ImportedFix parse(List<String> fields, int expected, Map<FixField, Integer> columns,
                                     String userId, ReaderOptions options) {
        if (fields.size() != expected) {
            throw new RowRejected("expected " + expected + " fields as in the header, found " + fields.size());
        }
        String user = userId != null ? userId : FieldValues.optionalText(field(fields, columns, FixField.USER));
        long time = FixTimes.parse(field(fields, columns, FixField.TIME), options.zone());
        double lat = FieldValues.required(field(fields, columns, FixField.LAT), "lat");
        double lon = FieldValues.required(field(fields, columns, FixField.LON), "lon");
        return new ImportedFix(user, time, lat, lon,
                FieldValues.optional(field(fields, columns, FixField.ALTITUDE), "altitude"),
                FieldValues.optional(field(fields, columns, FixField.ACCURACY), "accuracy"),
                FieldValues.optional(field(fields, columns, FixField.SPEED), "speed"),
                FieldValues.optional(field(fields, columns, FixField.HEADING), "heading"),
                FieldValues.optionalText(field(fields, columns, FixField.LABEL)));
    }

    private static String field(List<String> fields, Map<FixField, Integer> columns, FixField field) {
        Integer index = columns.get(field);
        return index == null ? null : fields.get(index);
    }
}
