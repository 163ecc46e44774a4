package dev.tracks.analysis.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The versions of reference data in reference_loads. A load is atomic (its rows and its activation commit together,
 * so readers see the old load or the new one, never a mix) and idempotent (the same file with the same kind and
 * options is found by its checksum and not written twice). Loads replaced by a newer one stay until {@link #prune},
 * so a task that resolved one with {@link #activeLoadId} at its start keeps reading the same rows to its end.
 */
public final class ReferenceLoads {

    /** Options are compared as stored JSON: keys sorted, so that the same options always give the same text. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String COLUMNS = "id, kind, source_file, checksum, attribution, options::text, row_count,"
            + " loaded_at, active, deactivated_at";

    private ReferenceLoads() {
    }

    /** Parses a file and writes its rows under the load id given; returns the number of rows written. */
    @FunctionalInterface
    public interface RowWriter {
        int write(Connection db, long loadId) throws SQLException, IOException;
    }

    /**
     * Loads {@code file} as a new active load of {@code kind}, in one transaction on {@code db} (which it commits or
     * rolls back; the connection's autocommit setting is restored). A {@link BadReferenceFile} from the writer rolls
     * everything back and is rethrown.
     */
    public static LoadOutcome load(Connection db, ReferenceKind kind, Path file, Map<String, Object> options,
                                   String attribution, RowWriter writer) throws SQLException, IOException {
        String checksum = sha256(file);
        String optionsJson = json(options);
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            LoadOutcome outcome = loadInTransaction(db, kind, file, checksum, optionsJson,
                    attribution == null ? "" : attribution, writer);
            db.commit();
            return outcome;
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static LoadOutcome loadInTransaction(Connection db, ReferenceKind kind, Path file, String checksum,
                                                 String optionsJson, String attribution, RowWriter writer)
            throws SQLException, IOException {
        // Loads of one kind queue behind each other: two at once would both try to become the active one.
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "reference_loads:" + kind.id());
            lock.execute();
        }
        Optional<ReferenceLoad> same = one(db, "SELECT " + COLUMNS + " FROM reference_loads"
                + " WHERE kind = ? AND checksum = ? AND options = ?::jsonb", kind.id(), checksum, optionsJson);
        if (same.isPresent() && same.get().active()) {
            return new LoadOutcome(same.get(), LoadOutcome.Status.UNCHANGED);
        }
        long id;
        LoadOutcome.Status status;
        if (same.isPresent()) {
            id = same.get().id();
            status = LoadOutcome.Status.REACTIVATED;
        } else {
            id = insert(db, kind, file, checksum, optionsJson, attribution);
            int rows = writer.write(db, id);
            update(db, "UPDATE reference_loads SET row_count = ? WHERE id = ?", rows, id);
            status = LoadOutcome.Status.LOADED;
        }
        update(db, "UPDATE reference_loads SET active = false, deactivated_at = now() WHERE kind = ? AND active",
                kind.id());
        update(db, "UPDATE reference_loads SET active = true, deactivated_at = NULL WHERE id = ?", id);
        return new LoadOutcome(byId(db, id), status);
    }

    /** The active load of {@code kind}: resolve it once at the start of a task and read by that id. */
    public static OptionalLong activeLoadId(Connection db, ReferenceKind kind) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id FROM reference_loads WHERE kind = ? AND active")) {
            query.setString(1, kind.id());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Every load, newest first. */
    public static List<ReferenceLoad> list(Connection db) throws SQLException {
        return all(db, "SELECT " + COLUMNS + " FROM reference_loads ORDER BY id DESC");
    }

    /**
     * Deletes the loads that are not active and were replaced more than {@code grace} ago, with their rows; returns
     * them. The grace period is for tasks still reading a load they resolved before it was replaced: make it longer
     * than a task may run (the default of the command is one day).
     */
    public static List<ReferenceLoad> prune(Connection db, Duration grace) throws SQLException {
        // One statement, so what is listed is exactly what was deleted.
        List<ReferenceLoad> pruned = all(db, "DELETE FROM reference_loads WHERE NOT active"
                + " AND deactivated_at < now() - make_interval(secs => ?) RETURNING " + COLUMNS,
                grace.toMillis() / 1000.0);
        if (!db.getAutoCommit()) {
            db.commit();
        }
        pruned.sort(Comparator.comparingLong(ReferenceLoad::id));
        return pruned;
    }

    /** SHA-256 of the file's bytes, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String json(Map<String, Object> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long insert(Connection db, ReferenceKind kind, Path file, String checksum, String optionsJson,
                               String attribution) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO reference_loads"
                + " (kind, source_file, checksum, attribution, options, row_count) VALUES (?, ?, ?, ?, ?::jsonb, 0)"
                + " RETURNING id")) {
            insert.setString(1, kind.id());
            insert.setString(2, file.getFileName().toString());
            insert.setString(3, checksum);
            insert.setString(4, attribution);
            insert.setString(5, optionsJson);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static ReferenceLoad byId(Connection db, long id) throws SQLException {
        return one(db, "SELECT " + COLUMNS + " FROM reference_loads WHERE id = ?", id).orElseThrow();
    }

    private static Optional<ReferenceLoad> one(Connection db, String sql, Object... parameters) throws SQLException {
        List<ReferenceLoad> loads = all(db, sql, parameters);
        return loads.isEmpty() ? Optional.empty() : Optional.of(loads.get(0));
    }

    private static List<ReferenceLoad> all(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                List<ReferenceLoad> loads = new ArrayList<>();
                while (rows.next()) {
                    Timestamp deactivated = rows.getTimestamp(10);
                    loads.add(new ReferenceLoad(rows.getLong(1), ReferenceKind.fromId(rows.getString(2)).orElseThrow(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getInt(7), rows.getTimestamp(8).toInstant(), rows.getBoolean(9),
                            deactivated == null ? null : deactivated.toInstant()));
                }
                return loads;
            }
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            bind(update, parameters);
            update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
