package dev.tracks.analysis.worker.ingest;

/** Parses the numeric fields of a row, turning every problem into a {@link RowRejected} that names the field. */
final class FieldValues {

    private FieldValues() {
    }

    /** A required number: missing, non-numeric and non-finite values reject the row. */
    static double required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new RowRejected(field + " missing");
        }
        double value = parse(text, field);
        if (!Double.isFinite(value)) {
            throw new RowRejected(field + " is not a finite number: '" + text.trim() + "'");
        }
        return value;
    }

    /** An optional number: missing (null, blank, {@code NaN}) gives NaN; other non-numeric text rejects the row. */
    static double optional(String text, String field) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        return parse(text, field);
    }

    /** Text of an optional text field: null when missing or blank, else trimmed. */
    static String optionalText(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static double parse(String text, String field) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new RowRejected(field + " is not a number: '" + text.trim() + "'");
        }
    }
}
