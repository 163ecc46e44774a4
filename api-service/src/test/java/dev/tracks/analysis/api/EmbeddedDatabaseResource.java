package dev.tracks.analysis.api;

import dev.tracks.analysis.schema.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the API service at a fresh database on the tests' embedded PostgreSQL (real server, no mock). */
public class EmbeddedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "api_service";

    @Override
    public Map<String, String> start() {
        TestDatabase.emptyDatabase(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", TestDatabase.jdbcUrl(DATABASE),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // The embedded server stops with the test JVM.
    }
}
