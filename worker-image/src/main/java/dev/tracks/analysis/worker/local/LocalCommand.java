package dev.tracks.analysis.worker.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracks.analysis.task.TaskPhase;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole system on one machine: an embedded PostgreSQL with its data kept, the API service in its local mode
 * (tasks run as worker processes of this jar), the files imported and the analysis chain run through the admin API,
 * with progress, then the API served until Ctrl-C.
 */
@Command(name = "local", description = "Runs the analysis on this machine: embedded PostgreSQL, the admin API, the"
        + " chain over the bundled sample or your files; then serves the API until Ctrl-C.")
public final class LocalCommand implements Callable<Integer> {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How often an import's or the chain's progress is asked for: the end of a task shows within this. */
    private static final Duration PROGRESS_POLL = Duration.ofMillis(250);
    /** 128 + SIGINT, as shells report a run ended by Ctrl-C. */
    private static final int EXIT_STOPPED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "Where the database, logs and token are kept; default:"
            + " $XDG_DATA_HOME/tracks-analysis or ~/.local/share/tracks-analysis.")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the admin API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--input", split = ",", description = "Files or directories to import (GPX, GeoLife PLT or"
            + " tree, CSV, GeoJSON); default: the bundled sample.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--user-id", description = "The user of files that name none (GPX, PLT); default: the file's"
            + " name. CSV and GeoJSON files name their users themselves (the sample does).")
    String userId;

    @Option(names = "--api-service", description = "The API service's quarkus-run.jar; default: the source tree's"
            + " api-service/target/quarkus-app/quarkus-run.jar next to this jar's module.")
    Path apiServiceJar;

    @Option(names = "--exit-when-done", description = "Stop after the summary instead of serving the API.")
    boolean exitWhenDone;

    @Override
    public Integer call() throws InterruptedException {
        try {
            return run();
        } catch (IOException e) {
            spec.commandLine().getErr().println("tracks-worker local: " + e.getMessage());
            return 1;
        }
    }

    private int run() throws IOException, InterruptedException {
        // zonky logs through SLF4J, which has no binding here: PostgreSQL's own output goes to logs/postgres.log.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        DataDirectory data = new DataDirectory(dataDir != null ? dataDir
                : DataDirectory.defaultRoot(System.getenv(), System.getProperty("user.home")));
        data.create();
        String token = data.adminToken();
        String databasePassword = data.databasePassword();
        Path workerJar = workerJar();
        Path apiJar = apiServiceJar != null ? apiServiceJar : workerJar.getParent().getParent().getParent()
                .resolve("api-service/target/quarkus-app/quarkus-run.jar");
        List<Upload> files = Upload.of(inputs, userId, data.sample());
        requireFreePort();
        StopSignals stop = StopSignals.install();
        Optional<ClassArchive> archive = ClassArchive.check(workerJar);
        try (LocalPostgres postgres = LocalPostgres.start(data.postgres(), data.logs().resolve("postgres.log"),
                databasePassword, data.databasePasswordFile())) {
            out.printf("PostgreSQL %s (data in %s)%n", postgres.jdbcUrl(), data.postgres());
            Map<String, String> environment = new HashMap<>(Map.ofEntries(
                    Map.entry("TRACKS_API_MODE", "local"),
                    Map.entry("TRACKS_DB_URL", postgres.jdbcUrl()), Map.entry("TRACKS_DB_USER", LocalPostgres.USER),
                    // the service gives its workers the same
                    Map.entry("TRACKS_DB_PASSWORD", databasePassword),
                    Map.entry("TRACKS_ADMIN_TOKENS", "local:" + token),
                    // The admin API of a laptop is for its user only, not for the network it is on.
                    Map.entry("QUARKUS_HTTP_HOST", "127.0.0.1"), Map.entry("QUARKUS_HTTP_PORT", String.valueOf(port)),
                    // A log file for people: plain lines, not the JSON of a cluster.
                    Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"),
                    Map.entry("TRACKS_LOCAL_WORKER_JAR", workerJar.toString()),
                    Map.entry("TRACKS_LOCAL_LOG_DIR", data.logs().toString()),
                    Map.entry("TRACKS_LOCAL_MAX_RUNNING", "2")));
            workerArchiveOption(archive, workerJar, out)
                    .ifPresent(option -> environment.put("TRACKS_LOCAL_WORKER_CDS_OPTION", option));
            ApiService api = ApiService.start(apiJar, environment, data.logs().resolve("api-service.log"));
            try {
                String root = "http://localhost:" + port;
                AdminApi admin = new AdminApi(URI.create(root), token);
                if (!api.awaitReady(admin, READY_TIMEOUT, stop)) {
                    return EXIT_STOPPED;
                }
                out.printf("API service %s (log in %s)%n", root, data.logs().resolve("api-service.log"));
                out.flush();
                boolean imported = importAll(admin, files, stop, out);
                if (stop.requested()) {
                    return EXIT_STOPPED;
                }
                JsonNode chain = runChain(admin, api, stop, started, out);
                if (chain == null) {
                    return EXIT_STOPPED;
                }
                out.print(new Summary(chain.path("chain_id").asText(), chain.path("status").asText(),
                        TaskState.ofChain(chain), data, postgres.jdbcUrl(), postgres.port(), root, token,
                        files.get(0).file()).render());
                out.printf("Wall time %s.%n", ChainProgress.clock(Duration.ofNanos(System.nanoTime() - started)));
                boolean succeeded = imported && TaskPhase.of(chain.path("status").asText()) == TaskPhase.SUCCEEDED;
                if (!exitWhenDone) {
                    out.println("Serving the admin API; Ctrl-C stops it (PostgreSQL keeps the data).");
                    out.flush();
                    while (!stop.await(POLL)) {
                        if (!api.isAlive()) {
                            throw new IOException("the API service stopped; see "
                                    + data.logs().resolve("api-service.log"));
                        }
                    }
                }
                return succeeded ? 0 : 1;
            } finally {
                out.println("Stopping the API service and its workers, then PostgreSQL...");
                out.flush();
                api.stop(STOP_GRACE);
            }
        }
    }

    /** The workers' JVM option for the class archive, if it passed its check; else one line says why not. */
    private static Optional<String> workerArchiveOption(Optional<ClassArchive> archive, Path workerJar,
                                                        PrintWriter out) throws InterruptedException {
        if (archive.isEmpty()) {
            out.println("no class archive next to " + workerJar + "; workers start slower (./mvnw package makes one"
                    + " on Linux x86-64)");
            return Optional.empty();
        }
        Optional<String> option = archive.get().workerOption();
        if (option.isEmpty()) {
            out.println("the class archive " + archive.get().file() + " does not fit this JVM or jar; workers start"
                    + " without it, slower (./mvnw package makes a new one)");
        }
        return option;
    }

    /**
     * Uploads all files in one request and waits for their one data_import task; false if it failed (a rejected
     * file fails it; the other files are imported all the same) or a stop came first. A stop acts at once: during
     * the upload it aborts it, during the import the API service's stop ends the worker, whose import keeps the
     * files it committed (whole files only).
     */
    private boolean importAll(AdminApi admin, List<Upload> files, StopSignals stop, PrintWriter out)
            throws IOException, InterruptedException {
        String what = files.size() == 1 ? files.get(0).file().toString() : files.size() + " files";
        Optional<JsonNode> uploaded = admin.upload(files, userId, stop);
        if (uploaded.isEmpty()) {
            out.printf("stopped during the upload of %s: it was aborted and nothing of it imported (had the service"
                    + " received all of it already, its import runs at the next start)%n", what);
            out.flush();
            return false;
        }
        long taskId = uploaded.get().path("task").path("id").asLong();
        JsonNode task = admin.task(taskId);
        while (!TaskState.of(task).isFinal() && !stop.await(PROGRESS_POLL)) {
            task = admin.task(taskId);
        }
        TaskState state = TaskState.of(task);
        if (!state.isFinal()) {
            out.printf("stopped during the import of %s (task %d): the files it committed are kept, the others are"
                    + " not imported; the task runs again at the next start, adding only what is missing%n", what,
                    taskId);
            out.flush();
            return false;
        }
        JsonNode summary = task.path("result_summary");
        for (JsonNode file : summary.path("perFile")) {
            out.printf("  %s: %,d rows, %,d rejected, %,d new points%s%n", file.path("file").asText(),
                    file.path("rows").asLong(), file.path("rejectedRows").asLong(),
                    file.path("insertedPoints").asLong(), file.path("imported").asBoolean() ? "" : " (rejected)");
        }
        if (state.status() == TaskPhase.SUCCEEDED) {
            JsonNode inserted = summary.path("insertedPoints");
            out.printf("imported %s: %s new points (task %d)%n", what, inserted.isNumber()
                    ? String.format(Locale.ROOT, "%,d", inserted.asLong()) : "-", taskId);
        } else {
            out.printf("import of %s %s: %s (task %d)%n", what, state.status().displayName(), state.errorMessage(),
                    taskId);
        }
        out.flush();
        return state.status() == TaskPhase.SUCCEEDED;
    }

    /** Triggers the default chain and prints its progress until it ends; null if stopped first. */
    private JsonNode runChain(AdminApi admin, ApiService api, StopSignals stop, long started, PrintWriter out)
            throws IOException, InterruptedException {
        JsonNode chain = admin.triggerChain("INCREMENTAL");
        String id = chain.path("chain_id").asText();
        out.printf("chain %s: %d tasks%n", id, chain.path("tasks").size());
        ChainProgress progress = new ChainProgress();
        while (true) {
            progress.update(TaskState.ofChain(chain), Duration.ofNanos(System.nanoTime() - started))
                    .forEach(out::println);
            out.flush();
            // A chain's status is named as a task's phase; it ends Succeeded or Failed.
            if (TaskPhase.of(chain.path("status").asText()).isFinished()) {
                return chain;
            }
            if (stop.await(PROGRESS_POLL)) {
                return null;
            }
            if (!api.isAlive()) {
                throw new IOException("the API service stopped while the chain ran");
            }
            chain = admin.chain(id);
        }
    }

    /** Else a service already on the port (another run?) would answer our calls. */
    private void requireFreePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException inUse) {
            throw new IOException("port " + port + " is in use (another local run?); give --port", inUse);
        }
    }

    /** The jar this runs from: the API service starts the workers from it. */
    private static Path workerJar() throws IOException {
        try {
            Path location = Path.of(LocalCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IOException("the local run starts its workers from the packaged jar; run it as"
                        + " java -jar worker-image/target/tracks-worker.jar local (not from " + location + ")");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where tracks-worker.jar is: " + e.getMessage(), e);
        }
    }
}
