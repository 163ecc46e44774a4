package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One migrated embedded PostgreSQL database of the worker benchmark, with the plain-COPY baselines the worker's
 * runs are compared with.
 */
final class BenchmarkDatabase {

    /** Rows sent per COPY while loading. */
    private static final int COPY_ROWS = 50_000;

    final Database database;
    private final String name;

    BenchmarkDatabase(String name) {
        TestDatabase.migratedDatabase(name);
        this.name = name;
        this.database = new Database(TestDatabase.jdbcUrl(name), "postgres", null);
    }

    Connection connect() {
        return database.connect("tracks-benchmark-" + name);
    }

    void execute(String... sql) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(true); // VACUUM and CHECKPOINT cannot run in a transaction
            try (Statement statement = db.createStatement()) {
                for (String each : sql) {
                    statement.execute(each);
                }
            }
        }
    }

    /** Runs a query to its end; returns the seconds taken (the best of three, to leave the cache cold only once). */
    double timedQuery(String sql) throws SQLException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try (Connection db = connect(); Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    // read every row
                }
            }
            best = Math.min(best, seconds(start));
        }
        return best;
    }

    String show(String setting) throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Generates the points into track_points with COPY; returns the seconds taken. */
    double load(int points, int users, long seed) throws SQLException, IOException {
        long start = System.nanoTime();
        try (Connection db = connect()) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder(COPY_ROWS * 80);
            int[] buffered = {0};
            String sql = "COPY track_points (user_id, recorded_at, lat, lon, altitude_m, accuracy_m) FROM STDIN";
            BenchmarkTracks.generate(points, users, seed, (user, millis, lat, lon, altitude, accuracy) -> {
                rows.append(user).append('\t').append(Instant.ofEpochMilli(millis)).append('\t').append(lat)
                        .append('\t').append(lon).append('\t').append(altitude).append('\t').append(accuracy)
                        .append('\n');
                if (++buffered[0] == COPY_ROWS) {
                    copyIn(copy, sql, rows);
                    buffered[0] = 0;
                }
            });
            copyIn(copy, sql, rows);
            db.commit();
        }
        execute("VACUUM ANALYZE track_points");
        return seconds(start);
    }

    private static void copyIn(CopyManager copy, String sql, StringBuilder rows) throws IOException {
        try {
            copy.copyIn(sql, new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new IOException(e);
        }
        rows.setLength(0);
    }

    /** Baseline A: every point's columns as the worker reads them, in user and time order, discarded. */
    double copyOutPoints() throws SQLException, IOException {
        execute("CHECKPOINT");
        long start = System.nanoTime();
        try (Connection db = connect()) {
            db.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT id, recorded_at, lat, lon, altitude_m,"
                    + " accuracy_m FROM track_points ORDER BY user_id, recorded_at) TO STDOUT",
                    OutputStream.nullOutputStream());
            db.commit();
        }
        return seconds(start);
    }

    /**
     * Baseline W: one result row per point (id, user, time, a number) with plain COPY into bench_speeds in one
     * transaction, the write half of the per-point skill. The rows are staged in {@code scratch} first; only the COPY
     * into the table is timed. The table is emptied again afterwards.
     */
    double copyInResultRows(Path scratch) throws SQLException, IOException {
        try (Connection db = connect(); OutputStream out = Files.newOutputStream(scratch)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT id, user_id, recorded_at, 1.5"
                    + " FROM track_points ORDER BY user_id, recorded_at) TO STDOUT", out);
            db.commit();
        }
        execute("TRUNCATE bench_speeds", "CHECKPOINT");
        long start = System.nanoTime();
        try (Connection db = connect(); InputStream in = Files.newInputStream(scratch)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_speeds (point_id, user_id, recorded_at,"
                    + " speed_mps) FROM STDIN", in);
            db.commit();
        }
        double seconds = seconds(start);
        execute("TRUNCATE bench_speeds");
        Files.delete(scratch);
        return seconds;
    }

    /** The same generated rows as a CSV file of the columns the import baseline copies. */
    static double writeCsv(Path csv, int points, int users, long seed) throws IOException {
        long start = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("user_id,recorded_at,lat,lon,altitude_m\n");
            BenchmarkTracks.generate(points, users, seed, (user, millis, lat, lon, altitude, accuracy) -> {
                out.write(user + "," + Instant.ofEpochMilli(millis) + "," + lat + "," + lon + "," + altitude + "\n");
            });
        }
        return seconds(start);
    }

    /** The same rows as {@link #writeCsv}, as one CSV file per user and UTC day: {@code <user>/<day>.csv}. */
    static double writeCsvFolder(Path folder, int points, int users, long seed) throws IOException {
        long start = System.nanoTime();
        Map<String, BufferedWriter> files = new HashMap<>();
        try {
            BenchmarkTracks.generate(points, users, seed, (user, millis, lat, lon, altitude, accuracy) -> {
                Instant time = Instant.ofEpochMilli(millis);
                String day = time.toString().substring(0, 10);
                BufferedWriter out = files.get(user + "/" + day);
                if (out == null) {
                    Path file = Files.createDirectories(folder.resolve(user)).resolve(day + ".csv");
                    out = Files.newBufferedWriter(file);
                    out.write("user_id,recorded_at,lat,lon,altitude_m\n");
                    files.put(user + "/" + day, out);
                }
                out.write(user + "," + time + "," + lat + "," + lon + "," + altitude + "\n");
            });
        } finally {
            for (BufferedWriter out : files.values()) {
                out.close();
            }
        }
        return seconds(start);
    }

    /** The import baseline: the CSV with plain COPY into track_points (which must be empty), committed. */
    double copyInCsv(Path csv) throws SQLException, IOException {
        execute("CHECKPOINT");
        long start = System.nanoTime();
        try (Connection db = connect(); InputStream in = Files.newInputStream(csv)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY track_points (user_id, recorded_at, lat, lon,"
                    + " altitude_m) FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            db.commit();
        }
        return seconds(start);
    }

    long count(String sql) throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
