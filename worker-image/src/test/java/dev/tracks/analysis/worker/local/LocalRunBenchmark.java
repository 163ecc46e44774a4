package dev.tracks.analysis.worker.local;

import dev.tracks.analysis.worker.benchmark.MachineLoad;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Benchmark of the local run's per-task overhead (an entry point, not a test; docs/benchmarks.md, "Local run"), on
 * the bundled sample, everything in one run on one machine, each repeat measuring one after the other:
 * <ul>
 *   <li>the baseline: {@code tracks-worker analyze}, the default chain in one JVM, whole wall time;</li>
 *   <li>{@code tracks-worker local --exit-when-done} on a fresh data directory (a JVM per task): its chain from the
 *       trigger to the end (the chain's rows: first created_at to last end_time) and its whole wall time; with
 *       {@code benchmark.before}, the same with another build's jars (a source tree packaged from before a change),
 *       so that both face the same load; with {@code benchmark.standbyWorkers} (e.g. 0,1), the same with this build
 *       keeping that many standby workers;</li>
 * </ul>
 * then, on the database the last local run kept, one worker {@code run} (stay_detection, FULL_RECOMPUTE, reporting
 * into a task row as in the local mode) per JVM setting, to show what the class archive and other options buy.
 * Settings are system properties (defaults in worker-image/pom.xml, profile benchmark): benchmark.repeats,
 * benchmark.workerRuns, benchmark.workerJar and benchmark.apiJar (this build's packaged jars), benchmark.before (the
 * root of the other source tree, empty for none), benchmark.standbyWorkers (empty for none).
 */
public final class LocalRunBenchmark {

    private static final Path SAMPLE = Path.of("src/main/resources/sample/tracks-sample.csv");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private LocalRunBenchmark() {
    }

    /**
     * The packaged jars of one build: the worker (launcher and workers) and the API service; {@code env} is added to
     * the local run's environment (the API service's settings, e.g. its standby workers).
     */
    private record Build(String name, Path workerJar, Path apiJar, Map<String, String> env) {
    }

    /** One local run: its chain and its whole wall time, in seconds. */
    private record LocalRun(double chain, double wall) {
    }

    public static void main(String[] args) throws Exception {
        int repeats = Integer.getInteger("benchmark.repeats", 3);
        int workerRuns = Integer.getInteger("benchmark.workerRuns", 5);
        List<Build> builds = new ArrayList<>();
        Build current = new Build("this build", Path.of(System.getProperty("benchmark.workerJar")).toAbsolutePath(),
                Path.of(System.getProperty("benchmark.apiJar")).toAbsolutePath(), Map.of());
        builds.add(current);
        for (String standbys : System.getProperty("benchmark.standbyWorkers", "").split(",")) {
            if (!standbys.isBlank()) {
                builds.add(new Build("this build, " + standbys.strip() + " standby workers", current.workerJar(),
                        current.apiJar(), Map.of("TRACKS_LOCAL_STANDBY_WORKERS", standbys.strip())));
            }
        }
        String before = System.getProperty("benchmark.before", "");
        if (!before.isBlank()) {
            // Another build's jars (e.g. from before a change), run in the same repeats under the same load.
            Path root = Path.of(before).toAbsolutePath();
            builds.add(new Build("before", root.resolve("worker-image/target/tracks-worker.jar"),
                    root.resolve("api-service/target/quarkus-app/quarkus-run.jar"), Map.of()));
        }
        Path work = Files.createTempDirectory("local-run-benchmark");
        report("builds %s; %d repeats; %d cores; load %s", builds, repeats,
                Runtime.getRuntime().availableProcessors(), MachineLoad.loadAverage());

        Path workerJar = builds.get(0).workerJar();
        List<Double> analyzeTimes = new ArrayList<>();
        Map<Build, List<LocalRun>> runs = new LinkedHashMap<>();
        builds.forEach(build -> runs.put(build, new ArrayList<>()));
        Path lastData = null;
        for (int i = 1; i <= repeats; i++) {
            double analyze = seconds(List.of(JAVA.toString(), "-jar", workerJar.toString(), "analyze", "--input",
                    SAMPLE.toAbsolutePath().toString(), "--out", work.resolve("analyze-" + i).toString()), work, null);
            analyzeTimes.add(analyze);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "repeat %d: analyze %.1f s", i,
                    analyze));
            for (Build build : builds) {
                Path data = work.resolve("local-" + i + "-" + builds.indexOf(build));
                double wall = seconds(List.of(JAVA.toString(), "-jar", build.workerJar().toString(), "local",
                        "--exit-when-done", "--data-dir", data.toString(), "--port", String.valueOf(freePort()),
                        "--api-service", build.apiJar().toString()), work, build.env());
                LocalRun run = new LocalRun(chainSeconds(data), wall);
                runs.get(build).add(run);
                line.append(String.format(Locale.ROOT, "; local run, %s: chain %.1f s (%.2fx analyze), whole %.1f s"
                        + " (%.2fx)", build.name(), run.chain(), run.chain() / analyze, run.wall(),
                        run.wall() / analyze));
                if (build == builds.get(0)) {
                    lastData = data;
                }
            }
            report("%s", line);
        }
        for (Build build : builds) {
            List<LocalRun> own = runs.get(build);
            report("%s, median of the repeats' ratios: local chain %.2fx analyze (target: 2x at most), local whole"
                    + " %.2fx; medians: analyze %.1f s, chain %.1f s, whole %.1f s", build.name(),
                    medianRatio(own, analyzeTimes, LocalRun::chain), medianRatio(own, analyzeTimes, LocalRun::wall),
                    median(analyzeTimes), median(own.stream().map(LocalRun::chain).toList()),
                    median(own.stream().map(LocalRun::wall).toList()));
        }

        workerStarts(workerJar, lastData, workerRuns, work);
        report("load at the end %s", MachineLoad.loadAverage());
        // Only a failure keeps the data directories, with the logs its message names.
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        System.exit(0);
    }

    private static double medianRatio(List<LocalRun> runs, List<Double> analyzeTimes,
                                      ToDoubleFunction<LocalRun> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ratios.add(figure.applyAsDouble(runs.get(i)) / analyzeTimes.get(i));
        }
        return median(ratios);
    }

    /** A way to start a worker: its JVM options and its arguments. */
    private record Setting(String name, List<String> options, List<String> arguments) {
    }

    /**
     * One worker run per JVM setting, {@code runs} times each, interleaved so that load changes hit all alike; the
     * median wall time of each, as a ratio against the first setting (the options before the class archive).
     */
    private static void workerStarts(Path workerJar, Path data, int runs, Path work) throws Exception {
        Path archive = workerJar.resolveSibling(ClassArchive.FILE_NAME);
        List<String> run = List.of("run", "--skill", "stay_detection", "--mode", "FULL_RECOMPUTE", "--task-uid",
                UUID.randomUUID().toString());
        List<String> before = List.of("-XX:+UseSerialGC", "-Xmx1g");
        List<String> withArchive = List.of("-XX:+UseSerialGC", "-Xmx1g", "-XX:SharedArchiveFile=" + archive);
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("run, " + String.join(" ", before), before, run));
        if (Files.isRegularFile(archive)) {
            settings.add(new Setting("run, + class archive", withArchive, run));
            List<String> c1 = new ArrayList<>(withArchive);
            c1.add("-XX:TieredStopAtLevel=1");
            settings.add(new Setting("run, + class archive + TieredStopAtLevel=1", c1, run));
            settings.add(new Setting("--version (JVM and picocli only), + class archive", withArchive,
                    List.of("--version")));
        } else {
            report("no class archive at %s: runs without it only", archive);
        }
        settings.add(new Setting("--version (JVM and picocli only), " + String.join(" ", before), before,
                List.of("--version")));
        String password = new DataDirectory(data).databasePassword();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).setConnectConfig("password", password).start()) {
            Map<String, String> env = Map.of("TRACKS_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort()
                    + "/postgres", "TRACKS_DB_USER", "postgres", "TRACKS_DB_PASSWORD", password);
            Map<Setting, List<Double>> times = new LinkedHashMap<>();
            settings.forEach(setting -> times.put(setting, new ArrayList<>()));
            for (int i = 0; i < runs; i++) {
                for (Setting setting : settings) {
                    List<String> command = new ArrayList<>(List.of(JAVA.toString()));
                    command.addAll(setting.options());
                    command.addAll(List.of("-jar", workerJar.toString()));
                    command.addAll(setting.arguments());
                    times.get(setting).add(seconds(command, work, env));
                }
            }
            double base = median(times.get(settings.get(0)));
            times.forEach((setting, list) -> report("worker %-58s median %.2f s (%.2fx)  all %s", setting.name(),
                    median(list), median(list) / base, list.stream().map(t -> String.format(Locale.ROOT, "%.2f", t))
                            .toList()));
        }
    }

    /** The chain of the local run that ended: from its first task's creation to its last task's end. */
    private static double chainSeconds(Path data) throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).setConnectConfig("password", new DataDirectory(data).databasePassword())
                .start();
             Connection db = postgres.getPostgresDatabase().getConnection();
             Statement query = db.createStatement();
             ResultSet chain = query.executeQuery("SELECT extract(epoch FROM max(end_time) - min(created_at)),"
                     + " count(*) FILTER (WHERE status = 'Succeeded'), count(*) FROM analysis_tasks"
                     + " WHERE chain_id IS NOT NULL")) {
            chain.next();
            if (chain.getInt(2) != chain.getInt(3)) {
                throw new IllegalStateException("only " + chain.getInt(2) + " of " + chain.getInt(3)
                        + " chain tasks succeeded; see " + data.resolve("logs"));
            }
            return chain.getDouble(1);
        }
    }

    /** Runs the command to its end (it must exit 0); its wall time. */
    private static double seconds(List<String> command, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (env != null) {
            builder.environment().putAll(env);
        }
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }


    private static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
