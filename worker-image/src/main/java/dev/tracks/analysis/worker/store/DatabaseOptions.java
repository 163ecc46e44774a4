package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.worker.failure.WorkerFailure;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL a worker command works on: {@code --jdbc-url}, {@code --db-user}, {@code --db-password}, else the
 * environment a worker pod gets (TRACKS_DB_URL, TRACKS_DB_USER, TRACKS_DB_PASSWORD). A picocli mixin.
 */
public final class DatabaseOptions {

    @Option(names = "--jdbc-url", defaultValue = "${env:TRACKS_DB_URL}", description = "PostgreSQL JDBC URL.")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:TRACKS_DB_USER}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:TRACKS_DB_PASSWORD}", arity = "0..1", interactive = true)
    String dbPassword;

    /** The database; a missing URL fails the command, not retryable. */
    public Database database() {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw WorkerFailure.notRetryable("TRACKS_DB_URL / --jdbc-url: a PostgreSQL JDBC URL is required");
        }
        return new Database(jdbcUrl, dbUser, dbPassword);
    }
}
