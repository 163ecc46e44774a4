package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Streams one user's points in (recorded_at, id) order through a server-side cursor (pgjdbc fetches {@code fetchSize}
 * rows at a time when autocommit is off), so a user with millions of points never sits in memory whole. It reads on
 * its own connection: the results are committed batch by batch on another, which would close this cursor.
 */
public final class PointReader implements FixStream {

    private final long[] flagged;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private boolean exhausted;
    private boolean finerThanMilliseconds;

    /**
     * @param cleanOnly skip the fixes that outlier detection flagged
     */
    public PointReader(Connection readDb, String userId, TimeRange range, boolean cleanOnly, int fetchSize)
            throws SQLException {
        // Flags are few: read the user's once and skip them here, rather than look each fix up in point_flags.
        flagged = cleanOnly ? flaggedIds(readDb, userId, range) : new long[0];
        String sql = "SELECT p.id, p.recorded_at, p.lat, p.lon, p.altitude_m, p.accuracy_m FROM track_points p"
                + " WHERE p.user_id = ? AND NOT p.is_synthetic AND " + range.condition("p.recorded_at")
                + " ORDER BY p.recorded_at, p.id";
        statement = readDb.prepareStatement(sql);
        statement.setFetchSize(fetchSize);
        statement.setString(1, userId);
        range.bind(statement, 2);
        rows = statement.executeQuery();
    }

    /** The ids of the user's flagged fixes in the range, sorted. */
    static long[] flaggedIds(Connection readDb, String userId, TimeRange range) throws SQLException {
        try (PreparedStatement query = readDb.prepareStatement("SELECT DISTINCT point_id FROM point_flags"
                + " WHERE user_id = ? AND " + range.condition("recorded_at") + " ORDER BY point_id")) {
            query.setString(1, userId);
            range.bind(query, 2);
            long[] ids = new long[16];
            int count = 0;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    ids[count++] = row.getLong(1);
                }
            }
            return Arrays.copyOf(ids, count);
        }
    }

    @Override
    public int readInto(Fixes fixes, int max) throws SQLException {
        int read = 0;
        while (read < max && !exhausted) {
            if (!rows.next()) {
                exhausted = true;
                break;
            }
            long id = rows.getLong(1);
            if (flagged.length > 0 && Arrays.binarySearch(flagged, id) >= 0) {
                continue;
            }
            OffsetDateTime time = rows.getObject(2, OffsetDateTime.class);
            finerThanMilliseconds |= time.getNano() % 1_000_000 != 0;
            fixes.add(id, time.toInstant().toEpochMilli(), rows.getDouble(3), rows.getDouble(4),
                    nanIfNull(rows.getDouble(5), rows), nanIfNull(rows.getDouble(6), rows));
            read++;
        }
        return read;
    }

    /** Whether a fix read so far has a time finer than the millisecond that {@link Fixes} keeps. */
    boolean finerThanMilliseconds() {
        return finerThanMilliseconds;
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
