package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.store.CopyText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Collects a batch's result rows per table and writes them with COPY FROM STDIN in the batch's transaction:
 * append-only bulk writes, several times faster than INSERTs (docs/benchmarks.md). Tables whose column types
 * {@link BinaryCopyRows} covers (all result tables today) are sent in the binary format; any other in the text format.
 */
public final class ResultSink {

    /** Each table's column type OIDs, in the order of its columns: the schema is fixed for the life of a worker. */
    private static final Map<String, int[]> COLUMN_TYPES = new ConcurrentHashMap<>();

    private final Map<ResultTable, List<Object[]>> rows = new LinkedHashMap<>();
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
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
        rowCount++;
    }

    public long rowCount() {
        return rowCount;
    }

    /** Writes the collected rows in the connection's current transaction and starts over empty. */
    public void flush(Connection db) throws SQLException {
        try {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<ResultTable, List<Object[]>> entry : rows.entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    copy(copy, columnTypes(db, entry.getKey()), entry.getKey(), entry.getValue());
                }
            }
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
        rows.clear();
    }

    private void copy(CopyManager copy, int[] types, ResultTable table, List<Object[]> tableRows)
            throws SQLException, IOException {
        String into = "COPY " + tableNames.of(table) + " (" + String.join(", ", table.columns()) + ") FROM STDIN";
        if (BinaryCopyRows.supports(types)) {
            BinaryCopyRows binary = new BinaryCopyRows(table.name(), table.columns(), types);
            tableRows.forEach(binary::row);
            copy.copyIn(into + " (FORMAT binary)", new ByteArrayInputStream(binary.finish()));
            return;
        }
        StringBuilder text = new StringBuilder(tableRows.size() * 64);
        tableRows.forEach(values -> appendRow(text, values));
        copy.copyIn(into, new StringReader(text.toString()));
    }

    private static int[] columnTypes(Connection db, ResultTable table) throws SQLException {
        int[] known = COLUMN_TYPES.get(table.name());
        if (known != null) {
            return known;
        }
        Map<String, Integer> byName = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT attname, atttypid FROM pg_attribute"
                + " WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped")) {
            query.setString(1, table.name());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    byName.put(row.getString(1), row.getInt(2));
                }
            }
        }
        int[] types = new int[table.columns().size()];
        for (int i = 0; i < types.length; i++) {
            Integer type = byName.get(table.columns().get(i));
            if (type == null) {
                throw new SQLException(table.name() + " has no column " + table.columns().get(i));
            }
            types[i] = type;
        }
        COLUMN_TYPES.put(table.name(), types);
        return types;
    }

    private static void appendRow(StringBuilder out, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, values[i]);
        }
        out.append('\n');
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
            CopyText.escape(out, value.toString());
        }
    }
}
