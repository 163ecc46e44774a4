package dev.tracks.analysis.api.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The list latency runs, each open-loop at the same rate: first the cheap query alone (created_after, a day of
 * tasks) through JDBC and through the service, which isolates the service's own overhead; then the whole mix through
 * JDBC without and with the count statement, and through the service. The JDBC runs use as many connections and
 * threads as the service's pool (20). Both paths are warmed up first in a closed loop (not measured), so that a
 * warm-up that cannot keep up leaves no backlog behind.
 */
final class ListLatency {

    private static final int POOL_SIZE = 20;
    /** Enough for the JIT's optimising compiler (C2 compiles a method after some 10,000 calls) on the service. */
    private static final int WARM_UP_REQUESTS = 10_000;
    private static final int CHEAP = 2;

    private final ApiProcess api;
    private final HttpClient http;
    private final DataSource database;
    private final int rate;
    private final Duration duration;
    private final OffsetDateTime now = ListQuery.utcNow();

    ListLatency(ApiProcess api, HttpClient http, DataSource database, int rate, Duration duration) {
        this.api = api;
        this.http = http;
        this.database = database;
        this.rate = rate;
        this.duration = duration;
    }

    List<Latencies> run() throws Exception {
        int scenarios = ListQuery.SCENARIOS.size();
        for (int s = 0; s < scenarios; s++) {
            ListQuery query = ListQuery.of(s, now);
            HttpResponse<String> sample = http.send(request(query), HttpResponse.BodyHandlers.ofString());
            AdminApiBenchmark.report("GET %s -> %d, %s", query.path(), sample.statusCode(), totalOf(sample.body()));
        }
        IntFunction<ListQuery> cheap = i -> ListQuery.of(CHEAP + scenarios * i, now);
        IntFunction<ListQuery> mix = i -> ListQuery.of(i, now);
        warmUp(mix);
        List<Latencies> results = new ArrayList<>();
        results.add(direct(cheap, true).all("JDBC, created_after 24 h only"));
        results.add(service(cheap).all("GET, created_after 24 h only"));
        OpenLoop.Samples pages = direct(mix, false);
        OpenLoop.Samples direct = direct(mix, true);
        OpenLoop.Samples service = service(mix);
        results.add(pages.all("JDBC mix, page only (no count)"));
        results.add(direct.all("JDBC mix, page + capped count"));
        results.add(service.all("GET mix"));
        for (int s = 0; s < scenarios; s++) {
            int scenario = s;
            String name = ListQuery.SCENARIOS.get(s);
            results.add(pages.select("JDBC page only: " + name, i -> i % scenarios == scenario));
            results.add(direct.select("JDBC page + capped count: " + name, i -> i % scenarios == scenario));
            results.add(service.select("GET: " + name, i -> i % scenarios == scenario));
        }
        return results;
    }

    /** Closed loop, 4 at a time: JIT, plans and caches warm, nothing queued behind. */
    private void warmUp(IntFunction<ListQuery> mix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Connection connection = connection()) {
            for (int i = 0; i < WARM_UP_REQUESTS / 4; i++) {
                mix.apply(i).runDirectly(connection, true);
            }
        }
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            ListQuery query = mix.apply(i);
            pool.submit(() -> http.send(request(query), HttpResponse.BodyHandlers.discarding()));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        AdminApiBenchmark.report("warmed up; load before the list runs: %s", AdminApiBenchmark.load());
    }

    private OpenLoop.Samples direct(IntFunction<ListQuery> queries, boolean withCount) throws Exception {
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            connections.add(connection());
        }
        ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);
        OpenLoop.Samples samples = OpenLoop.run(rate, duration, i -> CompletableFuture.supplyAsync(() -> {
            try {
                Connection connection = connections.take();
                try {
                    queries.apply(i).runDirectly(connection, withCount);
                    return true;
                } finally {
                    connections.add(connection);
                }
            } catch (SQLException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, threads));
        // Drop what could not keep up; the statements still running finish.
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.MINUTES);
        for (Connection connection : connections) {
            connection.close();
        }
        return samples;
    }

    /** A connection set up as the service's pool sets up its own (application.properties). */
    private Connection connection() throws SQLException {
        Connection connection = database.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_custom_plan");
        }
        return connection;
    }

    private OpenLoop.Samples service(IntFunction<ListQuery> queries) throws InterruptedException {
        return OpenLoop.run(rate, duration, i -> http.sendAsync(request(queries.apply(i)),
                HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> response.statusCode() == 200));
    }

    private HttpRequest request(ListQuery query) {
        return HttpRequest.newBuilder(api.uri(query.path())).header("Authorization", "Bearer " + ApiProcess.TOKEN)
                .timeout(Duration.ofSeconds(120)).build();
    }

    private static String totalOf(String body) {
        Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(body);
        return total.find() ? "total " + total.group(1) : body.substring(0, Math.min(200, body.length()));
    }
}
