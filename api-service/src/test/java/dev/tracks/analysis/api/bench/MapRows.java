package dev.tracks.analysis.api.bench;

import dev.tracks.analysis.api.console.ResultRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Random;
import javax.sql.DataSource;

/**
 * One user's map of many fixes for the console's render benchmark: trips of random walks (20 m steps) near Zurich,
 * written as rendering_metadata writes them, but only at its finest zoom and unsimplified, so that every fix is
 * drawn; a stay at each trip's start.
 */
final class MapRows {

    static final String USER = "heavy";
    static final int ZOOM = 16;

    private MapRows() {
    }

    static void fill(DataSource dataSource, int fixes, int trips) throws SQLException {
        Random random = new Random(21);
        int perTrip = fixes / trips;
        try (Connection db = dataSource.getConnection();
             PreparedStatement geometry = db.prepareStatement("INSERT INTO rendering_geometries (user_id, trip_id,"
                     + " zoom, started_at, finished_at, n_points, zoom_points, polyline, south, west, north, east)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement stay = db.prepareStatement("INSERT INTO stays (stay_id, user_id, started_at,"
                     + " finished_at, lat, lon, n_points, first_point_id, last_point_id) VALUES (?, ?, ?, ?, ?, ?,"
                     + " 10, ?, ?)")) {
            double lat = 47.37;
            double lon = 8.54;
            Instant time = Instant.parse("2026-01-01T00:00:00Z");
            for (int trip = 0; trip < trips; trip++) {
                double[] lats = new double[perTrip];
                double[] lons = new double[perTrip];
                double heading = random.nextDouble() * 2 * Math.PI;
                for (int i = 0; i < perTrip; i++) {
                    heading += random.nextGaussian() * 0.3;
                    lat = Math.max(47.1, Math.min(47.7, lat + Math.cos(heading) * 20 / 111_000));
                    lon = Math.max(8.2, Math.min(8.9, lon + Math.sin(heading) * 20 / 75_000));
                    lats[i] = lat;
                    lons[i] = lon;
                }
                long id = 1_000_000L + trip;
                Instant end = time.plusSeconds(perTrip * 5L);
                geometry.setString(1, USER);
                geometry.setLong(2, id);
                geometry.setInt(3, ZOOM);
                geometry.setObject(4, java.sql.Timestamp.from(time));
                geometry.setObject(5, java.sql.Timestamp.from(end));
                geometry.setInt(6, perTrip);
                geometry.setInt(7, perTrip);
                geometry.setString(8, ResultRows.encode(lats, lons));
                geometry.setDouble(9, min(lats));
                geometry.setDouble(10, min(lons));
                geometry.setDouble(11, max(lats));
                geometry.setDouble(12, max(lons));
                geometry.addBatch();
                stay.setLong(1, id);
                stay.setString(2, USER);
                stay.setObject(3, java.sql.Timestamp.from(time.minusSeconds(3600)));
                stay.setObject(4, java.sql.Timestamp.from(time));
                stay.setDouble(5, lats[0]);
                stay.setDouble(6, lons[0]);
                stay.setLong(7, id);
                stay.setLong(8, id + 9);
                stay.addBatch();
                time = end.plusSeconds(7200);
            }
            geometry.executeBatch();
            stay.executeBatch();
        }
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }
}
