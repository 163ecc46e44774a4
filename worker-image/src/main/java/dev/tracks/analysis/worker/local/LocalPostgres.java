package dev.tracks.analysis.worker.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * The local run's PostgreSQL: the real server binaries (zonky), with its data in the data directory so that a second
 * run finds the points, results and tasks of the first. Every connection needs the superuser's password
 * ({@link PostgresAccess}). Its output goes to a log file, not the console.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "postgres";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Initialises the data directory at the first start only (zonky runs initdb when postgresql.conf is missing),
     * with {@code password} for the superuser and required of every connection. A data directory initialised
     * without a password (by an earlier version) gets it now.
     *
     * @param passwordFile the file holding {@code password} on its first line, read by initdb
     */
    static LocalPostgres start(Path dataDirectory, Path logFile, String password, Path passwordFile)
            throws IOException {
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky hands these to initdb as --auth=... and --pwfile=... (after its own -A trust, which they
                // override): the superuser has the password from the start and nobody gets in without it.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                // zonky's own readiness check connects too
                .setConnectConfig("password", password)
                // zonky turns synchronous commits off for throw-away test databases; these data are kept.
                .setServerConfig("synchronous_commit", "on")
                // A persistent database replays its WAL after an unclean stop: more than the default 10 s.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        LocalPostgres started = new LocalPostgres(postgres);
        try {
            started.requirePassword(dataDirectory.resolve("pg_hba.conf"), password);
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Sets the password and requires it, unless pg_hba.conf requires one already. */
    private void requirePassword(Path pgHba, String password) throws IOException {
        if (PostgresAccess.passwordRequired(Files.readString(pgHba, StandardCharsets.UTF_8))) {
            return;
        }
        try (Connection db = postgres.getPostgresDatabase(Map.of("password", password)).getConnection();
             Statement statement = db.createStatement()) {
            // hashed on this side: the password itself never reaches the server (nor its log)
            db.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            // the new rules whole or not at all, owner-only as initdb makes them
            Path written = pgHba.resolveSibling("pg_hba.conf.new");
            Files.deleteIfExists(written);
            Files.createFile(written, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(written, PostgresAccess.PASSWORD_ONLY, StandardCharsets.UTF_8);
            Files.move(written, pgHba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the password of the database in " + pgHba.getParent() + ": "
                    + e.getMessage(), e);
        }
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
