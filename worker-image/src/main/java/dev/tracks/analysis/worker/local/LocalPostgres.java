package dev.tracks.analysis.worker.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local run's PostgreSQL: the real server binaries (zonky), with its data in the data directory so that a second
 * run finds the points, results and tasks of the first. Its output goes to a log file, not the console.
 */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Initialises the data directory at the first start only (zonky runs initdb when postgresql.conf is missing). */
    static LocalPostgres start(Path dataDirectory, Path logFile) throws IOException {
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        return new LocalPostgres(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky turns synchronous commits off for throw-away test databases; these data are kept.
                .setServerConfig("synchronous_commit", "on")
                // A persistent database replays its WAL after an unclean stop: more than the default 10 s.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    int port() {
        return postgres.getPort();
    }

    /** A fast shutdown: open transactions roll back, everything committed is on disk. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
