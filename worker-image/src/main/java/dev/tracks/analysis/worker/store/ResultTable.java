package dev.tracks.analysis.worker.store;

import java.util.List;

/**
 * A table a skill writes: its name, the columns the skill fills (in the order of the values it writes), and the time
 * column that orders a user's results, by which provisional results are replaced; null for a table whose rows a
 * skill recomputes per user as a whole.
 */
public record ResultTable(String name, List<String> columns, String timeColumn) {

    public ResultTable {
        columns = List.copyOf(columns);
        if (!columns.contains("user_id") || (timeColumn != null && !columns.contains(timeColumn))) {
            throw new IllegalArgumentException(name + " must write user_id and its time column " + timeColumn);
        }
    }

    /** A table of per-user results that are recomputed as a whole. */
    public static ResultTable perUser(String name, List<String> columns) {
        return new ResultTable(name, columns, null);
    }
}
