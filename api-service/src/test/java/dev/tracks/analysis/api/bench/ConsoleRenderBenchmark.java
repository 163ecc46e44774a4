package dev.tracks.analysis.api.bench;

import dev.tracks.analysis.schema.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the console's task list takes with many tasks (issue 21; an entry point, not a test): {@code
 * analysis_tasks} filled with N rows ({@link TaskRows}), the packaged service in the local mode, a page of 500 tasks.
 * <ol>
 *   <li>Server: the console's rows fragment ({@code GET /console/tasks/rows?limit=500}, HTML) against the admin API's
 *   JSON of the same query ({@code GET /api/admin/analysis/tasks?limit=500}), the baseline, sequentially.</li>
 *   <li>Browser: Debian's chromium opening the task list until its 500 rows are in the page, against the same
 *   browser fetching and parsing the admin API's JSON of that page (the baseline).</li>
 * </ol>
 * The browser's time is measured from the test's side (navigation started to the rows counted, polled every 10 ms).
 * Then the results map of a user with 100,000 fixes drawn ({@link MapRows}).
 * Run: {@code ./mvnw -pl k8s,api-service verify -Pconsole-benchmark -DskipTests [-Dbenchmark.rows=10000]}.
 */
public final class ConsoleRenderBenchmark {

    private static final String DATABASE = "console_benchmark";
    private static final String NAMESPACE = "local";
    private static final int PAGE = 500;
    private static final int SERVER_RUNS = 100;
    private static final int BROWSER_RUNS = 15;
    private static final int MAP_FIXES = 100_000;
    private static final int MAP_TRIPS = 100;

    private ConsoleRenderBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(int rows) throws Exception {
        AdminApiBenchmark.report("load before: %s", AdminApiBenchmark.load());
        DataSource database = TestDatabase.migratedDatabase(DATABASE);
        TaskRows.fill(database, rows, NAMESPACE);
        AdminApiBenchmark.report("filled %,d rows: %s", rows, TaskRows.summary(database));
        MapRows.fill(database, MAP_FIXES, MAP_TRIPS);
        try (ApiProcess api = ApiProcess.startLocal(TestDatabase.jdbcUrl(DATABASE), NAMESPACE)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String query = "?limit=" + PAGE + "&include_deleted=true";
            HttpRequest json = HttpRequest.newBuilder(api.uri("/api/admin/analysis/tasks" + query))
                    .header("Authorization", "Bearer " + ApiProcess.TOKEN).build();
            HttpRequest html = HttpRequest.newBuilder(api.uri("/console/tasks/rows" + query))
                    .header("Authorization", "Bearer " + ApiProcess.TOKEN).build();
            for (int warmUp = 0; warmUp < 30; warmUp++) {
                send(http, json);
                send(http, html);
            }
            long[] jsonNanos = new long[SERVER_RUNS];
            long[] htmlNanos = new long[SERVER_RUNS];
            for (int i = 0; i < SERVER_RUNS; i++) {
                jsonNanos[i] = send(http, json);
                htmlNanos[i] = send(http, html);
            }
            AdminApiBenchmark.report("server, page of %d of %,d tasks: admin API JSON p50 %.1f ms (baseline),"
                    + " console rows HTML p50 %.1f ms: ratio %.2f", PAGE, rows, median(jsonNanos) / 1e6,
                    median(htmlNanos) / 1e6, median(htmlNanos) / (double) median(jsonNanos));
            browser(api, query, rows);
            map(api, http);
        }
        AdminApiBenchmark.report("load after: %s", AdminApiBenchmark.load());
    }

    private static void browser(ApiProcess api, String query, int rows) {
        ChromeDriver driver = loggedIn(api);
        try {
            long[] page = new long[BROWSER_RUNS];
            long[] fetch = new long[BROWSER_RUNS];
            String script = "const done = arguments[arguments.length - 1]; const start = performance.now();"
                    + " fetch(arguments[0], {headers: {Authorization: 'Bearer ' + arguments[1]}})"
                    + ".then(r => r.json()).then(j => done([performance.now() - start, j.tasks.length]));";
            for (int i = 0; i < BROWSER_RUNS; i++) {
                long start = System.nanoTime();
                driver.get(api.uri("/console/tasks" + query).toString());
                new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(10)).until(d ->
                        ((Number) driver.executeScript("return document.querySelectorAll('#rows tbody tr').length"))
                                .intValue() == PAGE);
                page[i] = System.nanoTime() - start;
                List<?> result = (List<?>) driver.executeAsyncScript(script,
                        api.uri("/api/admin/analysis/tasks" + query).toString(), ApiProcess.TOKEN);
                fetch[i] = (long) (((Number) result.get(0)).doubleValue() * 1e6);
            }
            AdminApiBenchmark.report("browser, page of %d of %,d tasks: fetch + parse of the JSON p50 %.1f ms"
                    + " (baseline), console list rendered p50 %.1f ms (navigation to %d rows in the page): ratio"
                    + " %.2f", PAGE, rows, median(fetch) / 1e6, median(page) / 1e6, PAGE,
                    median(page) / (double) median(fetch));
        } finally {
            driver.quit();
        }
    }

    /**
     * The results map of one user whose trips hold {@value #MAP_FIXES} fixes at the zoom drawn: the server's answer
     * of the trips (JSON with the encoded polylines) and the browser opening the page until the map's script says it
     * drew them (its own figures: fetch, then decode, projection, SVG paths and the next paint).
     */
    private static void map(ApiProcess api, HttpClient http) throws Exception {
        HttpRequest trips = HttpRequest.newBuilder(api.uri("/console/results/trips?user_id=" + MapRows.USER
                + "&zoom=" + MapRows.ZOOM + "&south=-90&west=-180&north=90&east=180"))
                .header("Authorization", "Bearer " + ApiProcess.TOKEN).build();
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            send(http, trips);
        }
        long[] server = new long[SERVER_RUNS / 4];
        for (int i = 0; i < server.length; i++) {
            server[i] = send(http, trips);
        }
        ChromeDriver driver = loggedIn(api);
        try {
            long[] page = new long[BROWSER_RUNS];
            long[] fetch = new long[BROWSER_RUNS];
            long[] draw = new long[BROWSER_RUNS];
            long points = 0;
            for (int i = 0; i < BROWSER_RUNS; i++) {
                long start = System.nanoTime();
                driver.get(api.uri("/console/results?user_id=" + MapRows.USER).toString());
                new WebDriverWait(driver, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(10)).until(d ->
                        driver.executeScript("return document.getElementById('map').dataset.renderMs") != null);
                page[i] = System.nanoTime() - start;
                fetch[i] = Long.parseLong((String) driver.executeScript(
                        "return document.getElementById('map').dataset.fetchMs")) * 1_000_000;
                draw[i] = Long.parseLong((String) driver.executeScript(
                        "return document.getElementById('map').dataset.renderMs")) * 1_000_000;
                points = Long.parseLong((String) driver.executeScript(
                        "return document.getElementById('map').dataset.points"));
            }
            AdminApiBenchmark.report("map of %,d fixes (%d trips, zoom %d): server trips JSON p50 %.1f ms;"
                    + " browser: page opened to drawn p50 %.0f ms, of which the trips' fetch p50 %.0f ms and"
                    + " decode + SVG + paint p50 %.0f ms", points, MAP_TRIPS, MapRows.ZOOM, median(server) / 1e6,
                    median(page) / 1e6, median(fetch) / 1e6, median(draw) / 1e6);
        } finally {
            driver.quit();
        }
    }

    /** Debian's chromium with the console's login cookie of the benchmark's token. */
    private static ChromeDriver loggedIn(ApiProcess api) {
        ChromeOptions options = new ChromeOptions().setBinary(Path.of("/usr/bin/chromium").toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.get(api.uri("/console/login").toString());
        driver.manage().addCookie(new Cookie("tracks_console_token", ApiProcess.TOKEN, "/console"));
        return driver;
    }

    private static long send(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return elapsed;
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
