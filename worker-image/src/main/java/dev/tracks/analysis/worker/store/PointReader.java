package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Streams one user's points in (recorded_at, id) order through a server-side cursor (pgjdbc fetches {@code fetchSize}
 * rows at a time when autocommit is off), so a user with millions of points never sits in memory whole. It reads on
 * its own connection: the results are committed batch by batch on another, which would close this cursor.
 */
public final class PointReader implements AutoCloseable {

    private final PreparedStatement statement;
    private final ResultSet rows;
    private boolean exhausted;

    /**
     * @param cleanOnly skip the fixes that outlier detection flagged
     */
    public PointReader(Connection readDb, String userId, TimeRange range, boolean cleanOnly, int fetchSize)
            throws SQLException {
        String sql = "SELECT p.id, p.recorded_at, p.lat, p.lon, p.altitude_m, p.accuracy_m FROM track_points p"
                + " WHERE p.user_id = ? AND NOT p.is_synthetic AND " + range.condition("p.recorded_at")
                // The user and time in the flag lookup let it read the user's flags by index, not all flags.
                + (cleanOnly ? " AND NOT EXISTS (SELECT 1 FROM point_flags f WHERE f.user_id = p.user_id"
                + " AND f.recorded_at = p.recorded_at AND f.point_id = p.id)" : "")
                + " ORDER BY p.recorded_at, p.id";
        statement = readDb.prepareStatement(sql);
        statement.setFetchSize(fetchSize);
        statement.setString(1, userId);
        range.bind(statement, 2);
        rows = statement.executeQuery();
    }

    /** Appends up to {@code max} further fixes; returns how many (0 at the end). */
    public int readInto(Fixes fixes, int max) throws SQLException {
        int read = 0;
        while (read < max && !exhausted) {
            if (!rows.next()) {
                exhausted = true;
                break;
            }
            OffsetDateTime time = rows.getObject(2, OffsetDateTime.class);
            fixes.add(rows.getLong(1), time.toInstant().toEpochMilli(), rows.getDouble(3), rows.getDouble(4),
                    nanIfNull(rows.getDouble(5), rows), nanIfNull(rows.getDouble(6), rows));
            read++;
        }
        return read;
    }

    private static double nanIfNull(double value, ResultSet rows) throws SQLException {
        return rows.wasNull() ? Double.NaN : value;
    }

    @Override
    public void close() throws SQLException {
        rows.close();
        statement.close();
    }
}
