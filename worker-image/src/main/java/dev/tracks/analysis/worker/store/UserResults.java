package dev.tracks.analysis.worker.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read every dataset offers the skills built on it: one user's results in time order, optionally only those that
 * finish at or after a time (what an incremental run still needs), through the table's per-user index.
 */
public final class UserResults {

    /** Makes one result of the current row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private UserResults() {
    }

    /**
     * @param columns the columns {@code reader} reads, in its order
     * @param orderBy the order of the user's rows
     * @param finishedSince only rows whose {@code finished_at} is at or after this time (null: all)
     */
    public static <T> List<T> read(Connection db, String table, String columns, String orderBy, String userId,
                                   Instant finishedSince, RowReader<T> reader) throws SQLException {
        List<T> results = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT " + columns + " FROM " + table
                + " WHERE user_id = ? AND (?::timestamptz IS NULL OR finished_at >= ?) ORDER BY " + orderBy)) {
            query.setString(1, userId);
            query.setObject(2, Sql.timestamp(finishedSince));
            query.setObject(3, Sql.timestamp(finishedSince));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    results.add(reader.read(row));
                }
            }
        }
        return results;
    }
}
