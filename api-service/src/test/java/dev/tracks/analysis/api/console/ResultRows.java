package dev.tracks.analysis.api.console;

import dev.tracks.analysis.store.EncodedPolyline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * Results of one user as the skills write them (stays, triplegs, trips, rendering_geometries, footprints) and an
 * active admin load with one area around them, for the results map; written once per database. The polylines are
 * encoded as rendering_metadata encodes them ({@link EncodedPolyline}).
 */
public final class ResultRows {

    static final String USER = "mapper";
    static final String AREA_CODE = "CH-ZH";
    static final int MIN_ZOOM = 4;
    static final int MAX_ZOOM = 16;
    /** The first trip's longest tripleg is by rail, the second's (its only one) by road. */
    static final String FIRST_TRIP_MODE = "rail";
    static final String SECOND_TRIP_MODE = "road_vehicle";

    private ResultRows() {
    }

    static void write(DataSource dataSource) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            if (statement.executeQuery("SELECT 1 FROM footprints WHERE user_id = '" + USER + "'").next()) {
                return;
            }
            statement.execute("INSERT INTO stays (stay_id, user_id, started_at, finished_at, lat, lon, n_points,"
                    + " first_point_id, last_point_id) VALUES"
                    + " (9001, 'mapper', '2026-03-02 07:00Z', '2026-03-02 08:00Z', 47.3700, 8.5400, 40, 1, 40),"
                    + " (9002, 'mapper', '2026-03-02 09:00Z', '2026-03-02 12:00Z', 47.4500, 8.6500, 90, 80, 170),"
                    + " (9003, 'mapper', '2026-03-02 13:00Z', '2026-03-02 18:00Z', 47.4000, 8.7500, 120, 200, 320)");
            statement.execute("INSERT INTO triplegs (tripleg_id, user_id, started_at, finished_at, first_point_id,"
                    + " last_point_id, n_points, length_m, mode_coarse, mode) VALUES"
                    + " (9101, 'mapper', '2026-03-02 08:00Z', '2026-03-02 08:10Z', 41, 50, 10, 600,"
                    + " 'slow_mobility', 'walk'),"
                    + " (9102, 'mapper', '2026-03-02 08:10Z', '2026-03-02 09:00Z', 51, 79, 29, 14000,"
                    + " 'fast_mobility', 'rail'),"
                    + " (9103, 'mapper', '2026-03-02 12:00Z', '2026-03-02 13:00Z', 171, 199, 29, 9000,"
                    + " 'motorized_mobility', 'road_vehicle')");
            statement.execute("INSERT INTO trips (trip_id, user_id, started_at, finished_at, origin_stay_id,"
                    + " destination_stay_id, tripleg_ids) VALUES"
                    + " (9101, 'mapper', '2026-03-02 08:00Z', '2026-03-02 09:00Z', 9001, 9002, '{9101,9102}'),"
                    + " (9103, 'mapper', '2026-03-02 12:00Z', '2026-03-02 13:00Z', 9002, 9003, '{9103}')");
            try (PreparedStatement geometry = db.prepareStatement("INSERT INTO rendering_geometries (user_id,"
                    + " trip_id, zoom, started_at, finished_at, n_points, zoom_points, polyline, south, west, north,"
                    + " east) VALUES ('mapper', ?, ?, ?::timestamptz, ?::timestamptz, 39, ?, ?, ?, ?, ?, ?)")) {
                for (int zoom = MIN_ZOOM; zoom <= MAX_ZOOM; zoom++) {
                    add(geometry, 9101, zoom, "2026-03-02 08:00Z", "2026-03-02 09:00Z", 47.37, 8.54, 47.45, 8.65);
                    add(geometry, 9103, zoom, "2026-03-02 12:00Z", "2026-03-02 13:00Z", 47.45, 8.65, 47.40, 8.75);
                }
                geometry.executeBatch();
            }
            statement.execute("INSERT INTO footprints (user_id, stays, locations, distinct_cells,"
                    + " radius_of_gyration_m, k, jumps, jump_median_m, jump_max_m, random_entropy, home_lat,"
                    + " home_lon, home_from_night, max_distance_from_home_m)"
                    + " VALUES ('mapper', 3, 3, 12, 1534.2, 2, 2, 11000, 12500.5, 1.585, 47.37, 8.54, true, 16200)");
            activeAdminArea(db);
        }
    }

    /** A line from one stay to the next, with more vertices at finer zooms (as a simplification leaves them). */
    private static void add(PreparedStatement geometry, long trip, int zoom, String start, String end, double lat0,
                            double lon0, double lat1, double lon1) throws SQLException {
        int points = 2 + zoom;
        double[] lats = new double[points];
        double[] lons = new double[points];
        for (int i = 0; i < points; i++) {
            double along = i / (double) (points - 1);
            lats[i] = lat0 + (lat1 - lat0) * along + (i % 2 == 0 ? 0 : 0.004);
            lons[i] = lon0 + (lon1 - lon0) * along;
        }
        geometry.setLong(1, trip);
        geometry.setInt(2, zoom);
        geometry.setString(3, start);
        geometry.setString(4, end);
        geometry.setInt(5, points);
        geometry.setString(6, encode(lats, lons));
        geometry.setDouble(7, Math.min(lat0, lat1) - 0.001);
        geometry.setDouble(8, Math.min(lon0, lon1));
        geometry.setDouble(9, Math.max(lat0, lat1) + 0.005);
        geometry.setDouble(10, Math.max(lon0, lon1));
        geometry.addBatch();
    }

    /** An active admin load with one area around the user's results, unless some admin load is active already. */
    private static void activeAdminArea(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            if (statement.executeQuery("SELECT 1 FROM reference_loads WHERE kind = 'admin' AND active").next()) {
                return;
            }
        }
        Envelope box = new Envelope(8.45, 8.85, 47.30, 47.55);
        try (PreparedStatement load = db.prepareStatement("INSERT INTO reference_loads (kind, source_file, checksum,"
                + " attribution, options, row_count, active) VALUES ('admin', 'console-test-areas.geojson', ?,"
                + " 'console test areas', '{}', 1, true) RETURNING id");
             PreparedStatement area = db.prepareStatement("INSERT INTO admin_areas (load_id, feature_index, level,"
                     + " code, country, name, geometry, min_lat, min_lon, max_lat, max_lon)"
                     + " VALUES (?, 0, 1, ?, 'CH', 'Zürich', ?, ?, ?, ?, ?)")) {
            load.setString(1, "c".repeat(64));
            var id = load.executeQuery();
            id.next();
            area.setLong(1, id.getLong(1));
            area.setString(2, AREA_CODE);
            area.setBytes(3, new WKBWriter().write(new GeometryFactory().toGeometry(box)));
            area.setDouble(4, box.getMinY());
            area.setDouble(5, box.getMinX());
            area.setDouble(6, box.getMaxY());
            area.setDouble(7, box.getMaxX());
            area.executeUpdate();
        }
    }

    /** Every vertex, as rendering_metadata encodes the ones it keeps. */
    public static String encode(double[] lats, double[] lons) {
        boolean[] all = new boolean[lats.length];
        java.util.Arrays.fill(all, true);
        return EncodedPolyline.encode(lats, lons, all);
    }
}
