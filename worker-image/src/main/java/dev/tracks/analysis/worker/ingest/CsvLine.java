package dev.tracks.analysis.worker.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields (RFC 4180 quoting within the line: a field in double quotes may hold the delimiter,
 * and {@code ""} stands for a quote). A quoted field spanning lines is not supported: its line is rejected for an
 * unterminated quote, and the rest of the field then shows up as malformed rows.
 */
final class CsvLine {

    private static final char QUOTE = '"';
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private CsvLine() {
    }

    /**
     * The delimiter of a file, from its header line: whichever of comma, semicolon and tab occurs most often outside
     * quotes; on a tie the earlier in that order (so a header without any is read as one comma-separated column).
     */
    static char detectDelimiter(String header) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == QUOTE) {
                quoted = !quoted;
            }
            for (int d = 0; d < DELIMITERS.length && !quoted; d++) {
                counts[d] += c == DELIMITERS[d] ? 1 : 0;
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            best = counts[d] > counts[best] ? d : best;
        }
        return DELIMITERS[best];
    }

    /** The fields of {@code line}, unquoted; a field outside quotes keeps its spaces (values are trimmed later). */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != QUOTE) {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                    field.append(QUOTE);
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == QUOTE && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new RowRejected("unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
