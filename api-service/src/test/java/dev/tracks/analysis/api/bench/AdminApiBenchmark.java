package dev.tracks.analysis.api.bench;

import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.schema.TestDatabase;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Benchmark of the admin API (issue 7; an entry point, not a test). The packaged service runs as its own process
 * against an embedded PostgreSQL and the real API server. Two measurements:
 * <ol>
 *   <li>List latency: {@code analysis_tasks} filled with N rows, {@code GET /tasks} driven open-loop at a fixed rate
 *   with a mix of filters, sorts and pages; the baseline is the same SQL statements per request (page, capped count)
 *   sent straight through JDBC at the same rate (see {@link ListLatency}).</li>
 *   <li>Mirror lag: status.progress applies at a fixed rate, round-robin over a set of tasks, each timed from the
 *   apply call returning to the row showing it (see {@link MirrorLag}), beside the service's own lag timer.</li>
 * </ol>
 * Run: see docs/benchmarks.md.
 */
public final class AdminApiBenchmark {

    private static final String DATABASE = "api_benchmark";
    private static final String NAMESPACE = "tracks";
    private static final Pattern LAG_METER = Pattern.compile(
            "^tracks_mirror_lag_seconds_(count|sum|max)(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

    private AdminApiBenchmark() {
    }

    /** Arguments: rows (default 1,000,000) and seconds per measured run (default 30). */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The embedded PostgreSQL and the API server stop in shutdown hooks.
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Duration duration = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        int listRate = 200;
        int mirrorTasks = 200;
        int mirrorRate = 100;
        report("load before: %s", load());

        DataSource database = TestDatabase.migratedDatabase(DATABASE);
        long fillStart = System.nanoTime();
        TaskRows.fill(database, rows, NAMESPACE);
        report("filled %,d rows in %.1f s: %s", rows, seconds(fillStart), TaskRows.summary(database));

        ControlPlane controlPlane = ControlPlane.apiServer();
        controlPlane.kubectl("apply", "--server-side", "-f", "../k8s/crd/analysistasks.analysis.tracks.dev-v1.yml");
        controlPlane.kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/analysistasks.analysis.tracks.dev");
        controlPlane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .endMetadata().build()).create();

        explain(database);
        List<Latencies> table = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // The mirror first: the list runs may saturate PostgreSQL, and their backlog would slow what follows.
        try (ApiProcess api = ApiProcess.start(controlPlane, TestDatabase.jdbcUrl(DATABASE), NAMESPACE)) {
            report("service ready (%s); its resync marked the fill's live rows of %s deleted", ApiProcess.MAX_RAM,
                    NAMESPACE);
            MirrorLag mirror = new MirrorLag(controlPlane.client(), database, NAMESPACE, mirrorTasks);
            report("mirror: %d tasks created and mirrored in %.2f s", mirrorTasks, mirror.createTasks());
            double[] before = lagTimer(api.metrics(http));
            report("load before the mirror run: %s", load());
            Latencies[] lag = mirror.run(mirrorRate, duration);
            double[] after = lagTimer(api.metrics(http));
            table.addAll(List.of(lag));
            report("tracks_mirror_lag_seconds over the run: %d writes, mean %.2f ms, max %.2f ms (the timer's"
                    + " recent max)", (long) (after[0] - before[0]),
                    1000 * (after[1] - before[1]) / Math.max(1, after[0] - before[0]), 1000 * after[2]);
            printTable(table);
            table.clear();
            table.addAll(new ListLatency(api, http, database, listRate, duration).run());
        }
        printTable(table);
        report("load after: %s", load());
    }

    /** EXPLAIN ANALYZE of each scenario's statements: execution times here, the plans in target/. */
    private static void explain(DataSource database) throws Exception {
        StringBuilder plans = new StringBuilder();
        OffsetDateTime now = ListQuery.utcNow();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (int s = 0; s < ListQuery.SCENARIOS.size(); s++) {
                ListQuery query = ListQuery.of(s + ListQuery.SCENARIOS.size(), now);
                for (String sql : query.explainable()) {
                    plans.append("-- ").append(query.scenario()).append('\n').append(sql).append('\n');
                    String time = "";
                    try (ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                        while (plan.next()) {
                            String line = plan.getString(1);
                            plans.append(line).append('\n');
                            time = line.startsWith("Execution Time") ? line : time;
                        }
                    }
                    report("EXPLAIN %-24s %-6s %s", query.scenario(), sql.startsWith("SELECT count") ? "count"
                            : "page", time);
                }
            }
        }
        Files.writeString(Path.of("target", "api-benchmark-explain.txt"), plans);
    }

    /** count, sum and max of tracks_mirror_lag_seconds. */
    private static double[] lagTimer(String metrics) {
        double[] values = new double[3];
        Matcher meter = LAG_METER.matcher(metrics);
        while (meter.find()) {
            int index = List.of("count", "sum", "max").indexOf(meter.group(1));
            values[index] = Double.parseDouble(meter.group(2));
        }
        return values;
    }

    private static void printTable(List<Latencies> rows) {
        System.out.println();
        System.out.println("| series | requests | errors | unanswered | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Latencies row : rows) {
            // With unanswered requests the figures are their waits so far: lower bounds.
            String bound = row.unanswered() > 0 ? ">= " : "";
            System.out.printf("| %s | %d | %d | %d | %s%.1f | %s%.1f | %s%.1f |%n", row.name(), row.count(),
                    row.errors(), row.unanswered(), bound, row.percentileMillis(50), bound,
                    row.percentileMillis(99), bound, row.maxMillis());
        }
        System.out.println();
    }

    static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
