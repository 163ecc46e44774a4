package dev.tracks.analysis.worker.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Collects a batch's result rows per table in PostgreSQL's COPY text format and writes them with COPY FROM STDIN in
 * the batch's transaction: append-only bulk writes, several times faster than INSERTs (docs/benchmarks.md).
 */
public final class ResultSink {

    private final Map<ResultTable, StringBuilder> rows = new LinkedHashMap<>();
    private final TableNames tableNames;
    private long rowCount;

    /** @param tableNames where each table's rows go (the table itself, or its staging copy) */
    public ResultSink(TableNames tableNames) {
        this.tableNames = tableNames;
    }

    /** Adds one row; values in the order of the table's columns; null is SQL NULL, NaN too. */
    public void row(ResultTable table, Object... values) {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns, got "
                    + values.length + " values");
        }
        StringBuilder out = rows.computeIfAbsent(table, t -> new StringBuilder(4096));
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, values[i]);
        }
        out.append('\n');
        rowCount++;
    }

    public long rowCount() {
        return rowCount;
    }

    /** Writes the collected rows in the connection's current transaction and starts over empty. */
    public void flush(Connection db) throws SQLException {
        try {
            var copy = db.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<ResultTable, StringBuilder> entry : rows.entrySet()) {
                if (entry.getValue().isEmpty()) {
                    continue;
                }
                ResultTable table = entry.getKey();
                copy.copyIn("COPY " + tableNames.of(table) + " (" + String.join(", ", table.columns())
                        + ") FROM STDIN", new StringReader(entry.getValue().toString()));
            }
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
        rows.clear();
    }

    private static void appendValue(StringBuilder out, Object value) {
        if (value == null || (value instanceof Double d && d.isNaN())) {
            out.append("\\N");
        } else if (value instanceof Instant instant) {
            out.append(instant);
        } else if (value instanceof List<?> list) {
            out.append('{');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(list.get(i));
            }
            out.append('}');
        } else {
            escape(out, value.toString());
        }
    }

    /** COPY text format: backslash, tab and line breaks are escaped. */
    private static void escape(StringBuilder out, String text) {
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
