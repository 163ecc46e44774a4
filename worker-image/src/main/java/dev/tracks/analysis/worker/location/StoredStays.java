package dev.tracks.analysis.worker.location;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A user's stays as stay detection stored them, in time order: the input of the per-user stay measures. */
public final class StoredStays {

    private StoredStays() {
    }

    public static List<Stay> of(Connection db, String userId) throws SQLException {
        List<Stay> stays = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT stay_id, started_at, finished_at, lat, lon"
                + " FROM stays WHERE user_id = ? ORDER BY started_at, stay_id")) {
            query.setString(1, userId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    stays.add(new Stay(row.getLong(1), millis(row, 2), millis(row, 3), row.getDouble(4),
                            row.getDouble(5)));
                }
            }
        }
        return stays;
    }

    private static long millis(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
    }
}
