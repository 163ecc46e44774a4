package dev.tracks.analysis.store;

/** PostgreSQL's COPY text format, for the writers that use it (result tables with JSON columns, reference loads). */
public final class CopyText {

    private CopyText() {
    }

    /** Appends a value as COPY's text format reads it back: backslash, tab and line breaks escaped. */
    public static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
