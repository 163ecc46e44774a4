package dev.tracks.analysis.worker.analyze;

import dev.tracks.analysis.worker.run.WorkerFailure;
import dev.tracks.analysis.worker.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The database of a run on one machine: a given PostgreSQL, or else an embedded PostgreSQL (the real server binaries,
 * unpacked and started in a temporary directory, removed at close), with the schema migrated.
 */
final class LocalDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final Database database;
    private final String description;

    private LocalDatabase(EmbeddedPostgres embedded, Database database, String description) {
        this.embedded = embedded;
        this.database = database;
        this.description = description;
    }

    static LocalDatabase open(String jdbcUrl, String user, String password) {
        LocalDatabase local;
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            local = new LocalDatabase(null, new Database(jdbcUrl, user, password), jdbcUrl);
        } else {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                String url = postgres.getJdbcUrl("postgres", "postgres");
                local = new LocalDatabase(postgres, new Database(url, "postgres", null),
                        "embedded PostgreSQL (" + url + ", removed at exit)");
            } catch (IOException e) {
                throw WorkerFailure.notRetryable("cannot start the embedded PostgreSQL: " + e.getMessage());
            }
        }
        local.database.migrate();
        return local;
    }

    Database database() {
        return database;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
