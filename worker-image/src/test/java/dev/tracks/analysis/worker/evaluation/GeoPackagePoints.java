package dev.tracks.analysis.worker.evaluation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the points of the first point layer of a GeoPackage (OGC 12-128r18): a GeoPackage is an SQLite database,
 * read here through JDBC with the xerial sqlite-jdbc driver, which the {@code evaluation} profile of worker-image puts
 * on the test classpath (the driver is found by its URL prefix, so nothing here depends on it at compile time).
 * Geometries are GeoPackage binary blobs (spec 2.1.3): magic "GP", version, flags (bit 0 byte order, bits 1-3 the
 * envelope kind: 0 none, 1 xy, 2 xyz, 3 xym, 4 xyzm), srs_id, the envelope, then standard WKB; only 2D points are
 * read (x = longitude, y = latitude for EPSG:4326).
 */
final class GeoPackagePoints {

    /** A point feature: its feature id and WGS84 position. */
    record Point(long fid, double lat, double lon) {
    }

    private static final int[] ENVELOPE_DOUBLES = {0, 4, 6, 6, 8};

    private GeoPackagePoints() {
    }

    /** The points of the file's first POINT layer with SRS 4326, in feature id order. */
    static List<Point> read(Path geoPackage) throws SQLException {
        String url = "jdbc:sqlite:file:" + geoPackage.toAbsolutePath() + "?mode=ro";
        try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement()) {
            String table;
            String column;
            try (ResultSet layer = statement.executeQuery("SELECT table_name, column_name FROM gpkg_geometry_columns"
                    + " WHERE geometry_type_name = 'POINT' AND srs_id = 4326 ORDER BY table_name LIMIT 1")) {
                if (!layer.next()) {
                    throw new SQLException(geoPackage + " has no POINT layer in EPSG:4326");
                }
                table = layer.getString(1);
                column = layer.getString(2);
            }
            List<Point> points = new ArrayList<>();
            try (ResultSet row = statement.executeQuery("SELECT fid, \"" + column + "\" FROM \"" + table
                    + "\" ORDER BY fid")) {
                while (row.next()) {
                    double[] lonLat = lonLat(row.getBytes(2));
                    points.add(new Point(row.getLong(1), lonLat[1], lonLat[0]));
                }
            }
            return points;
        }
    }

    /** Longitude and latitude of a GeoPackage binary 2D point. */
    static double[] lonLat(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        int envelope = (flags >> 1) & 0b111;
        if (envelope >= ENVELOPE_DOUBLES.length) {
            throw new IllegalArgumentException("invalid envelope indicator " + envelope);
        }
        ByteBuffer wkb = ByteBuffer.wrap(blob, 8 + 8 * ENVELOPE_DOUBLES[envelope], blob.length - 8
                - 8 * ENVELOPE_DOUBLES[envelope]);
        wkb.order(wkb.get() == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int type = wkb.getInt();
        if (type != 1) {
            throw new IllegalArgumentException("not a 2D WKB point: type " + type);
        }
        return new double[] {wkb.getDouble(), wkb.getDouble()};
    }
}
