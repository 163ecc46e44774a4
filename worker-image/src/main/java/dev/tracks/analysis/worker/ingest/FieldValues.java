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
        String trimmed = text.trim();
        double plain = plainDecimal(trimmed);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw new RowRejected(field + " is not a number: '" + trimmed + "'");
        }
    }

    /** Powers of ten that a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT_DIGITS_LIMIT = 1L << 53;

    /**
     * A plain decimal ({@code -39.984702}: an optional sign, digits, at most one point) whose digits form an integer
     * below 2^53 with at most 22 decimals, else NaN. Such a number is that integer divided by a power of ten, both
     * exact doubles, and one IEEE division rounds correctly: the very value {@link Double#parseDouble} gives (Clinger's
     * fast path), at a fraction of its cost, which was the largest part of reading a GPS file.
     */
    static double plainDecimal(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long digits = 0;
        int decimals = -1;
        int count = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                count++;
                if (decimals >= 0) {
                    decimals++;
                }
                if (digits >= EXACT_DIGITS_LIMIT) {
                    return Double.NaN;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Double.NaN;
            }
        }
        if (count == 0 || decimals >= EXACT_POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = decimals > 0 ? digits / EXACT_POWERS_OF_TEN[decimals] : digits;
        return negative ? -value : value;
    }
}
