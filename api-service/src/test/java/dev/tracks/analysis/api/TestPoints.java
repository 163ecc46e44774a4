package dev.tracks.analysis.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Points for the tests' tasks to analyze (a task with nothing to analyze is refused). */
public final class TestPoints {

    private TestPoints() {
    }

    /** 100 fixes of user "walker", 10 s apart, once per database. */
    public static void walker(DataSource dataSource) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO track_points (user_id, recorded_at, lat, lon) SELECT 'walker',"
                    + " timestamptz '2026-03-01 08:00Z' + make_interval(secs => i * 10), 47 + i * 1e-5, 8"
                    + " FROM generate_series(0, 99) i WHERE NOT EXISTS (SELECT 1 FROM track_points"
                    + " WHERE user_id = 'walker')");
        }
    }
}
