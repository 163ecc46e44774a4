package dev.tracks.analysis.api.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.api.TestPoints;
import dev.tracks.analysis.api.local.LocalModeEnvironment;
import dev.tracks.analysis.skill.ParamSpec;
import dev.tracks.analysis.skill.ParamType;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's chromium against the service in the local mode (tasks run by the shell stand-in of
 * {@link LocalModeEnvironment}): log in with the token, watch a chain's tasks reach Succeeded without reloading the
 * page (server-sent events), cancel a running chain and a running task, and see the API's refusal of a bad parameter
 * on its field.
 * Screenshots of each page land in target/console-screenshots.
 */
@QuarkusTest
@WithTestResource(LocalModeEnvironment.class)
class ConsoleBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** An upload of this size at this rate (the browser's network emulation) takes about three seconds. */
    private static final int UPLOAD_BYTES = 600_000;
    private static final int UPLOAD_BYTES_PER_SECOND = 200_000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        TestPoints.walker(dataSource);
        browser = Browser.start(1280, 900);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aTokenNoMechanismAcceptsLeadsBackToTheLogin() throws Exception {
        browser.get(url("console/tasks"));
        assertThat(browser.getCurrentUrl()).contains("/console/login");
        logIn("not-a-token-of-this-install");
        waitFor(() -> browser.getCurrentUrl().contains("/console/login?expired=true"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("not accepted");
        Browser.screenshot(browser, "login");
    }

    /** The task list and the chain page follow the tasks as the mirror records them; the page is never reloaded. */
    @Test
    void aChainsTasksProgressToSucceededLive() throws Exception {
        logIn(TestIdentities.ADMIN_TOKEN);
        waitFor(() -> "Tasks".equals(textOf(By.tagName("h1"))));
        markPage();
        String chain = given().header("Authorization", TestIdentities.adminToken()).contentType(ContentType.JSON)
                .body("{\"skills\": [\"trip_construction\"]}").post(url("api/admin/analysis/trigger-chain"))
                .then().statusCode(201).extract().path("chain_id");
        List<String> names = given().header("Authorization", TestIdentities.adminToken())
                .get(url("api/admin/analysis/chains/" + chain)).then().extract().path("tasks.name");
        assertThat(names).hasSizeGreaterThanOrEqualTo(3);
        waitFor(() -> names.stream().allMatch(name -> "Succeeded".equals(statusOfRow(name))));
        assertThat(pageMarked()).as("updated in place, not reloaded").isTrue();
        Browser.screenshot(browser, "tasks");

        browser.get(url("console/chain"));
        new Select(browser.findElement(By.id("task_type"))).selectByValue("FULL_RECOMPUTE");
        browser.findElement(By.cssSelector("input[name=skills][value=stay_detection]")).click();
        browser.findElement(By.cssSelector("form.trigger button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("chain_id="));
        markPage();
        waitFor(() -> "Succeeded".equals(textOf(By.id("chain-status"))));
        assertThat(pageMarked()).as("updated in place, not reloaded").isTrue();
        assertThat(browser.findElement(By.cssSelector("g.node[data-skill=stay_detection]")).getAttribute("data-status"))
                .isEqualTo("Succeeded");
        assertThat(browser.findElement(By.cssSelector("g.node[data-skill=rendering_metadata]"))
                .getAttribute("data-status")).isEqualTo("not in this run");
        Browser.screenshot(browser, "chain");

        browser.get(url("console/chain"));
        browser.findElement(By.cssSelector("input[name=skills][value=grid_system]")).click();
        browser.findElement(By.cssSelector("form.trigger button[type=submit]")).click();
        waitFor(() -> "Running".equals(statusOfNode("grid_system")));
        browser.findElement(By.xpath("//button[starts-with(text(), 'Cancel chain')]")).click();
        waitFor(() -> "Cancelled".equals(statusOfNode("grid_system")));
        assertThat(textOf(By.id("chain-status"))).isEqualTo("Failed");
        Browser.screenshot(browser, "chain-cancelled");
    }

    private String statusOfNode(String skill) {
        List<WebElement> nodes = browser.findElements(By.cssSelector("g.node[data-skill=" + skill + "]"));
        return nodes.isEmpty() ? null : nodes.get(0).getAttribute("data-status");
    }

    @Test
    void aRunningTaskIsCancelledFromItsPage() throws Exception {
        logIn(TestIdentities.ADMIN_TOKEN);
        browser.get(url("console/new?skill_name=grid_system"));
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().matches(".*/console/tasks/[0-9]+$"));
        waitFor(() -> "Running".equals(textOf(By.id("status"))));
        Browser.screenshot(browser, "task-running");
        browser.findElement(By.xpath("//button[text()='Cancel task']")).click();
        browser.switchTo().alert().accept();
        waitFor(() -> "Cancelled".equals(textOf(By.id("status"))));
        assertThat(browser.findElements(By.xpath("//button[text()='Cancel task']"))).isEmpty();
        Browser.screenshot(browser, "task-cancelled");
    }

    /**
     * A task retried once (the stand-in fails stay_stats' first attempt with exit 75): its page lists both attempts
     * with the first one's reason, the conditions, and the last lines of the worker's output; the local mode has no
     * Kubernetes Events and says so.
     */
    @Test
    void aTaskPageShowsItsAttemptsConditionsAndTheWorkersOutput() throws Exception {
        long id = ((Number) given().header("Authorization", TestIdentities.adminToken()).contentType(ContentType.JSON)
                .body("{\"skill_name\": \"stay_stats\", \"max_retries\": 2, \"backoff_seconds\": 1}")
                .post(url("api/admin/analysis/tasks")).then().statusCode(201).extract().path("id")).longValue();
        logIn(TestIdentities.ADMIN_TOKEN);
        browser.get(url("console/tasks/" + id));
        waitFor(() -> "Succeeded".equals(textOf(By.id("status"))));
        waitFor(() -> browser.findElements(By.cssSelector("#attempts tbody tr")).size() == 2
                && !browser.findElements(By.id("log")).isEmpty());
        List<WebElement> attempts = browser.findElements(By.cssSelector("#attempts tbody tr"));
        assertThat(attempts.get(0).getText()).contains("75", "database unreachable: connection refused");
        assertThat(attempts.get(1).getText()).startsWith("2 ").contains(" 0");
        assertThat(browser.findElement(By.id("log")).getText())
                .contains("earlier attempts:", "stay_stats INCREMENTAL");
        assertThat(browser.findElement(By.id("conditions")).getText()).contains("Succeeded");
        assertThat(browser.findElement(By.xpath("//section[h2='Events']")).getText())
                .contains("the local mode has no Kubernetes Events");
        browser.executeScript("document.getElementById('conditions-heading').scrollIntoView()");
        Browser.screenshot(browser, "task-attempts");
    }

    @Test
    void aBadParameterIsRefusedOnItsField() throws Exception {
        ParamSpec bounded = SkillCatalog.definition(Skill.STAY_DETECTION).params().stream()
                .filter(spec -> spec.type() == ParamType.NUMBER || spec.type() == ParamType.INTEGER)
                .filter(spec -> spec.max() != null && !spec.max().isInfinite()).findFirst().orElseThrow();
        logIn(TestIdentities.ADMIN_TOKEN);
        browser.get(url("console/new?skill_name=stay_detection"));
        String id = "field-params-" + bounded.name();
        WebElement input = browser.findElement(By.id(id));
        assertThat(browser.findElement(By.cssSelector("label[for=" + id + "]")).getText()).contains(bounded.name());
        waitFor(() -> "100".equals(textOf(By.id("dry-run-points"))));
        assertThat(textOf(By.id("dry-run"))).as("the walker's 100 fixes, none analyzed yet")
                .isEqualTo("100 points to analyze in this scope (dry run; a task with none is refused).");
        browser.findElement(By.id("scope_to")).sendKeys("2026-03-01T08:05:00Z");
        waitFor(() -> !"100".equals(textOf(By.id("dry-run-points"))));
        assertThat(Integer.parseInt(textOf(By.id("dry-run-points")))).as("the walker's fixes before 08:05, 10 s apart")
                .isBetween(30, 31);
        browser.findElement(By.id("scope_to")).clear();
        browser.findElement(By.id("user_ids")).sendKeys("nobody");
        waitFor(() -> "0".equals(textOf(By.id("dry-run-points"))));
        browser.findElement(By.id("user_ids")).clear();
        input.clear();
        input.sendKeys(String.valueOf((long) (bounded.max() * 10 + 1)));
        waitFor(() -> textOf(By.id("dry-run")).startsWith("Would be refused: params." + bounded.name()));
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();

        waitFor(() -> !browser.findElements(By.id(id + "-error")).isEmpty());
        WebElement error = browser.findElement(By.id(id + "-error"));
        assertThat(error.getText()).contains("must be");
        assertThat(browser.findElement(By.id(id)).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id(id)).getAttribute("aria-describedby")).contains(id + "-error");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", error);
        Browser.screenshot(browser, "new-task-error");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(url("console/tasks"));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#rows .count")));
        Browser.screenshot(browser, "tasks-phone");
    }

    /**
     * A user's results on the offline map: the admin area drawn as the basemap, trips coloured by the mode of their
     * longest tripleg, the stays, the footprint statistics beside; the keyboard zooms and the trips are reloaded at
     * the finer zoom level of rendering_metadata.
     */
    @Test
    void aUsersMapShowsStaysTripsByModeAndTheFootprint() throws Exception {
        ResultRows.write(dataSource);
        logIn(TestIdentities.ADMIN_TOKEN);
        browser.get(url("console/results?user_id=" + ResultRows.USER));
        waitFor(() -> browser.findElement(By.id("map")).getAttribute("data-render-ms") != null);
        WebElement map = browser.findElement(By.id("map"));
        assertThat(map.getAttribute("data-trips")).isEqualTo("2");
        assertThat(map.getAttribute("data-areas")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#map circle.stay"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#map path[data-trip='9101']")).getAttribute("class"))
                .contains("mode-" + ResultRows.FIRST_TRIP_MODE);
        assertThat(browser.findElement(By.cssSelector("#map path[data-trip='9103']")).getAttribute("class"))
                .contains("mode-" + ResultRows.SECOND_TRIP_MODE);
        assertThat(browser.findElement(By.cssSelector("#map path[data-area='" + ResultRows.AREA_CODE + "']"))
                .isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("map-legend")).getText()).contains("rail", "road vehicle", "stay");
        assertThat(browser.findElement(By.id("map-attribution")).getText()).contains("console test areas");
        assertThat(browser.findElement(By.id("footprint")).getText()).contains("radius of gyration", "1.53 km",
                "home from night", "yes");

        int first = Integer.parseInt(map.getAttribute("data-zoom"));
        map.sendKeys("-");
        waitFor(() -> !String.valueOf(first).equals(browser.findElement(By.id("map")).getAttribute("data-zoom")));
        int before = Integer.parseInt(browser.findElement(By.id("map")).getAttribute("data-zoom"));
        assertThat(before).as("one level coarser").isEqualTo(first - 1);
        browser.executeScript("document.getElementById('map-heading').scrollIntoView()");
        Browser.screenshot(browser, "results");
        map.sendKeys("+");
        map.sendKeys("+");
        map.sendKeys("+");
        waitFor(() -> Integer.parseInt(browser.findElement(By.id("map")).getAttribute("data-zoom")) > first);
        int after = Integer.parseInt(browser.findElement(By.id("map")).getAttribute("data-zoom"));
        assertThat(after).isBetween(first + 1, ResultRows.MAX_ZOOM);
        assertThat(Integer.parseInt(browser.findElement(By.id("map")).getAttribute("data-points")))
                .as("two trips of 2 + zoom vertices each, as seeded").isEqualTo(2 * (2 + after));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(url("console/results?user_id=" + ResultRows.USER));
        waitFor(() -> browser.findElement(By.id("map")).getAttribute("data-render-ms") != null);
        Browser.screenshot(browser, "results-phone");
    }

    /**
     * Files uploaded from the imports page (its progress shown while the browser's network is slowed down) become a
     * data_import task; the import's page follows it
     * and shows its report with the rejected file's lines. The stand-in worker writes no summary: the test writes
     * the one the real worker writes (ImportSummary's shape), as the worker does, into the task's row. A file of no
     * known format is refused above the form.
     */
    @Test
    void anUploadShowsItsProgressAndTheImportReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path files)
            throws Exception {
        java.nio.file.Path notes = java.nio.file.Files.writeString(files.resolve("notes.txt"), "no track here");
        String fix = "<trkpt lat=\"47.1\" lon=\"8.1\"><time>2026-03-01T08:00:00Z</time></trkpt>\n";
        java.nio.file.Path walk = java.nio.file.Files.writeString(files.resolve("walk.gpx"), "<gpx version=\"1.1\""
                + " creator=\"test\"><trk><trkseg>\n" + fix.repeat(UPLOAD_BYTES / fix.length())
                + "</trkseg></trk></gpx>");
        logIn(TestIdentities.ADMIN_TOKEN);
        browser.get(url("console/imports"));
        browser.findElement(By.id("file")).sendKeys(notes.toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        waitFor(() -> !browser.findElements(By.id("upload-error")).isEmpty());
        assertThat(browser.findElement(By.id("upload-error")).getText()).startsWith("format:").contains("notes.txt");
        Browser.screenshot(browser, "imports-refused");

        browser.get(url("console/imports"));
        browser.findElement(By.id("file")).sendKeys(walk.toString());
        browser.findElement(By.id("user_id")).sendKeys("importer");
        browser.setNetworkConditions(new ChromiumNetworkConditions().setUploadThroughput(UPLOAD_BYTES_PER_SECOND));
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        waitFor(() -> {
            String value = browser.findElement(By.id("upload-progress")).getAttribute("value");
            return value != null && Double.parseDouble(value) > 0 && Double.parseDouble(value) < 100;
        });
        assertThat(textOf(By.id("upload-status"))).as("while the upload goes on").matches("Uploaded [0-9.]+ of 0\\.6"
                + " MiB \\([0-9]+ %\\)\\.");
        Browser.screenshot(browser, "imports-uploading");
        waitFor(() -> browser.getCurrentUrl().matches(".*/console/imports/[0-9]+$"));
        browser.deleteNetworkConditions();
        String id = browser.getCurrentUrl().replaceAll(".*/", "");
        waitFor(() -> "Succeeded".equals(textOf(By.id("status"))));
        try (var db = dataSource.getConnection(); var update = db.prepareStatement("UPDATE analysis_tasks SET"
                + " result_summary = ?::jsonb WHERE id = ?")) {
            update.setString(1, "{\"files\": 2, \"rejectedFiles\": 1, \"rows\": 12, \"acceptedRows\": 1,"
                    + " \"duplicateRows\": 0, \"rejectedRows\": 11, \"insertedPoints\": 1, \"perFile\": ["
                    + "{\"file\": \"walk.gpx\", \"userId\": \"importer\", \"rows\": 1, \"rejectedRows\": 0,"
                    + " \"insertedPoints\": 1, \"imported\": true}, {\"file\": \"broken.csv\", \"rows\": 11,"
                    + " \"rejectedRows\": 11, \"insertedPoints\": 0, \"imported\": false}], \"rejected\": ["
                    + "{\"file\": \"broken.csv\", \"rows\": 11, \"rejectedRows\": 11, \"rejectedShare\": 1.0,"
                    + " \"reasons\": [\"line 2: lat 123.0 is not between -90 and 90\", \"line 3: time"
                    + " 'yesterday' is not a time\"]}]}");
            update.setLong(2, Long.parseLong(id));
            update.executeUpdate();
        }
        browser.navigate().refresh();
        waitFor(() -> !browser.findElements(By.id("import-files")).isEmpty());
        assertThat(browser.findElement(By.id("import-totals")).getText()).contains("rejected rows", "11");
        assertThat(browser.findElement(By.id("import-files")).getText()).contains("walk.gpx", "importer",
                "broken.csv");
        assertThat(browser.findElement(By.cssSelector("ul.reasons")).getText())
                .contains("line 2: lat 123.0 is not between -90 and 90", "line 3: time 'yesterday' is not a time");
        Browser.screenshot(browser, "import-report");
        assertThat(given().header("Authorization", TestIdentities.adminToken())
                .get(url("api/admin/analysis/tasks/" + id)).then().extract().path("params.userId").toString())
                .isEqualTo("importer");
    }

    /** Submits the login form and waits for the page it leads to (the tasks, or the login again). */
    private void logIn(String token) throws IOException {
        browser.get(url("console/login"));
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
        waitFor(() -> !browser.getCurrentUrl().endsWith("/console/login"));
    }

    /** A mark that a reload of the page would erase. */
    private void markPage() {
        browser.executeScript("window.consoleTestMark = true");
    }

    private boolean pageMarked() {
        return Boolean.TRUE.equals(browser.executeScript("return window.consoleTestMark === true"));
    }

    private String statusOfRow(String name) {
        List<WebElement> rows = browser.findElements(By.xpath("//tr[td/a[text()='" + name + "']]"));
        return rows.isEmpty() ? null : rows.get(0).getAttribute("data-status");
    }

    private String textOf(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return found.isEmpty() ? null : found.get(0).getText();
    }

    /** Waits for the condition; when it does not come, the page as it was is saved and quoted in the failure. */
    private void waitFor(BooleanSupplier condition) throws IOException {
        try {
            new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            Browser.screenshot(browser, "timed-out");
            throw new AssertionError("waited " + PATIENCE + " on " + browser.getCurrentUrl() + "; the page was:\n"
                    + browser.getPageSource(), e);
        }
    }

    private String url(String path) {
        return root.toString() + path;
    }
}
