package dev.tracks.analysis.api.local;

import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.schema.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * The API service in the local mode: a fresh database on the embedded PostgreSQL, no Kubernetes API. Workers are a
 * shell stand-in (src/test/resources/local/stand-in-worker.sh) whose behaviour per skill the tests choose; the
 * real worker runs in the local mode in worker-image's LocalRunIT. One worker at a time, and one standby: every
 * attempt here is handed to a standby, which the stand-in acknowledges in the attempt's log. The tick (the controller's
 * safety net) is an hour, longer than any test here: every round in these tests is started by an event (a task
 * created or cancelled, a worker's exit) or by a retry falling due, as it must be.
 */
public class LocalModeEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "api_local";
    public static final Path LOG_DIR = Path.of("target", "local-mode-logs").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        TestDatabase.emptyDatabase(DATABASE);
        return Map.ofEntries(
                Map.entry("tracks.api.mode", "local"),
                Map.entry("quarkus.datasource.jdbc.url", TestDatabase.jdbcUrl(DATABASE)),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", ""),
                Map.entry("tracks.api.namespace", "local"),
                Map.entry("tracks.api.tokens", "ci:" + TestIdentities.ADMIN_TOKEN),
                Map.entry("tracks.api.admin-role", TestIdentities.ADMIN_ROLE),
                Map.entry("tracks.local.worker-command", "/bin/bash,"
                        + Path.of("src/test/resources/local/stand-in-worker.sh").toAbsolutePath()),
                Map.entry("tracks.local.log-dir", LOG_DIR.toString()),
                Map.entry("tracks.local.max-running", "1"),
                Map.entry("tracks.local.standby-workers", "1"),
                Map.entry("tracks.local.tick", "1h"),
                Map.entry("tracks.local.stop-grace", "5s"));
    }

    @Override
    public void stop() {
        // The embedded PostgreSQL stops with the test JVM.
    }
}
