package dev.tracks.analysis.worker.analyze;

import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database of a run on one machine: a given PostgreSQL, or else an embedded PostgreSQL (the real server binaries,
 * unpacked and started in a temporary directory, removed at close) that holds the run's results but not its fixes,
 * with the schema migrated.
 */
final class LocalDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final Database database;
    private final String description;
    /** The embedded server's data directory when it is removed here rather than by the server (a template's copy). */
    private final Path dataDirectory;

    private LocalDatabase(EmbeddedPostgres embedded, Database database, String description, Path dataDirectory) {
        this.embedded = embedded;
        this.database = database;
        this.description = description;
        this.dataDirectory = dataDirectory;
    }

    /** A given PostgreSQL, migrated: the fixes are stored in its track_points. */
    static LocalDatabase open(String jdbcUrl, String user, String password) {
        LocalDatabase local = new LocalDatabase(null, new Database(jdbcUrl, user, password), jdbcUrl, null);
        local.database.migrate();
        return local;
    }

    /**
     * An embedded PostgreSQL, migrated, started on a copy of the {@link ServerTemplate}. A run whose fixes are held in
     * memory ({@code MemoryFixes}) leaves its track_points empty, so point_flags cannot reference them: the one foreign
     * key to track_points is dropped (a server removed at the run's end, and outlier detection flags only fixes it
     * read, whether they are stored or not).
     *
     * @param resultsOnly the server holds only results (the fixes stay in memory): its data directory may go to memory
     *     ({@link ServerTemplate#resultsOnlyParent})
     */
    static LocalDatabase embedded(boolean resultsOnly) {
        Path copy;
        try {
            copy = ServerTemplate.copy(LocalDatabase::makeTemplate, resultsOnly ? ServerTemplate.resultsOnlyParent()
                    : ServerTemplate.temporaryDirectory());
        } catch (IOException | RuntimeException e) {
            throw WorkerFailure.notRetryable("cannot prepare the embedded PostgreSQL: " + e.getMessage());
        }
        try {
            EmbeddedPostgres postgres = throwAwayServer().setDataDirectory(copy).setCleanDataDirectory(false).start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            return new LocalDatabase(postgres, new Database(url, "postgres", null),
                    "embedded PostgreSQL (" + url + ", removed at exit)", copy);
        } catch (IOException | RuntimeException e) {
            ServerTemplate.delete(copy);
            throw WorkerFailure.notRetryable("cannot start the embedded PostgreSQL: " + e.getMessage());
        }
    }

    /**
     * The template's content: initdb, the migrations, the foreign key dropped; stopped cleanly. WAL segments of 1 MB
     * rather than 16: the segment is most of what each run copies, and a run writes little WAL (results only).
     */
    private static void makeTemplate(Path dataDirectory) throws IOException {
        try (EmbeddedPostgres postgres = throwAwayServer().setLocaleConfig("wal-segsize", "1")
                .setDataDirectory(dataDirectory).setCleanDataDirectory(false).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Database database = new Database(url, "postgres", null);
            database.migrate();
            try (Connection db = database.connect("tracks-analyze-schema"); Statement alter = db.createStatement()) {
                db.setAutoCommit(true);
                alter.execute("ALTER TABLE point_flags DROP CONSTRAINT point_flags_point_id_fkey");
            } catch (SQLException e) {
                throw new IOException("cannot prepare the schema: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The embedded server holds nothing beyond the run and is removed at its end, so it skips what only protects data
     * across a crash (fsync, full-page writes, WAL for replicas) and what would interrupt a large import (checkpoints
     * every 1 GB of WAL); its buffers hold a run of millions of fixes.
     */
    private static EmbeddedPostgres.Builder throwAwayServer() {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "1h")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "64MB");
    }

    /**
     * VACUUM ANALYZE of the fixes after an import: the planner learns the new table, and the visibility map lets the
     * count before each skill's run read only the index (what autovacuum does in a cluster, some time later).
     */
    void settleImportedFixes() throws SQLException {
        try (Connection db = database.connect("tracks-analyze-vacuum"); Statement vacuum = db.createStatement()) {
            db.setAutoCommit(true);
            vacuum.execute("VACUUM (ANALYZE) track_points");
        }
    }

    Database database() {
        return database;
    }

    String description() {
        return description;
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // the server's temporary directory stays behind; the failure that got here is the one to report
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            try {
                embedded.close();
            } finally {
                if (dataDirectory != null) {
                    ServerTemplate.delete(dataDirectory);
                }
            }
        }
    }
}
