package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.worker.failure.WorkerFailure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** Connections to the tracks database. */
public final class Database {

    private final String url;
    private final String user;
    private final String password;

    public Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * A connection with autocommit off (each batch is one transaction). A database that cannot be reached is a
     * transient failure: the next attempt may find it up again.
     */
    public Connection connect(String applicationName) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        // Server-side prepared statements with binary results from the first execution, not from pgjdbc's default
        // fifth: in the worker benchmark (two interleaved runs of each) stay_detection read and analyzed 1 M points at
        // 0.55-0.64x of a COPY out with the default, at 0.99-1.00x with this.
        properties.setProperty("prepareThreshold", "-1");
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw WorkerFailure.transientFailure("cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies the project's migrations (the one schema, shipped in the tracks-k8s jar). Used by local runs and tests;
     * in a cluster the API service owns the schema.
     */
    public void migrate() {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
    }

    /** Whether a failure may pass on its own (connection lost, overload, deadlock): SQLSTATE classes 08, 53, 57, 40. */
    public static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40"));
    }
}
