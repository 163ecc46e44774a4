package dev.tracks.analysis.worker.reference;

import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.store.Database;
import picocli.CommandLine.Option;

/** The database of the reference commands, from the same options and environment as {@code run}. */
final class DatabaseOptions {

    @Option(names = "--jdbc-url", defaultValue = "${env:TRACKS_DB_URL}", description = "PostgreSQL JDBC URL.")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:TRACKS_DB_USER}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:TRACKS_DB_PASSWORD}", arity = "0..1", interactive = true)
    String dbPassword;

    Database database() {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw WorkerFailure.notRetryable("TRACKS_DB_URL / --jdbc-url: a PostgreSQL JDBC URL is required");
        }
        return new Database(jdbcUrl, dbUser, dbPassword);
    }
}
