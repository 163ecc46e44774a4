package dev.tracks.analysis.api.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.api.TestPoints;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local mode through the admin API on a real PostgreSQL: tasks kept in local_tasks, run as worker processes
 * (a shell stand-in that exits as each test needs; see {@link LocalModeEnvironment}) with the operator's decisions:
 * dependencies, one worker at a time, priorities, retry after the backoff, no retry on the not-retryable code,
 * cancel; every round started by an event, none by the tick. The deadline (60 s at least) is
 * {@link WorkerProcessesTest}'s.
 */
@QuarkusTest
@WithTestResource(LocalModeEnvironment.class)
class LocalModeTest {

    private static final String API = "/api/admin/analysis";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void points() throws SQLException {
        TestPoints.walker(dataSource);
    }

    private record Row(String name, List<String> dependsOn, OffsetDateTime start, OffsetDateTime end,
                       int attempts, String jobName) {
    }

    /** The tick is an hour (LocalModeEnvironment): each task starts on its dependency's exit, not on a tick. */
    @Test
    void chainRunsInDependencyOrderOneWorkerAtATime() throws Exception {
        String chain = admin().contentType(ContentType.JSON).body("{\"skills\": [\"trip_construction\"]}")
                .post(API + "/trigger-chain").then().statusCode(201).extract().path("chain_id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "Succeeded".equals(
                admin().get(API + "/chains/" + chain).then().statusCode(200).extract().path("status")));

        List<Row> rows = rows("chain_id = '" + chain + "'");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Row> byName = rows.stream().collect(Collectors.toMap(Row::name, r -> r));
        for (Row row : rows) {
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.jobName()).isEqualTo(row.name() + "-1");
            assertThat(Files.readString(LocalModeEnvironment.LOG_DIR.resolve(row.jobName() + ".log")))
                    .as("the attempt went to a standby worker, which ran the task's skill")
                    .contains("a standby: attempt").contains("done");
            for (String dependency : row.dependsOn()) {
                assertThat(row.start()).isAfterOrEqualTo(byName.get(dependency).end());
            }
        }
        List<Row> byStart = rows.stream().sorted(Comparator.comparing(Row::start)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            assertThat(byStart.get(i).start()).as("one worker at a time").isAfterOrEqualTo(byStart.get(i - 1).end());
        }
    }

    /**
     * Between attempts the task is Retrying and says why; the retry is told what the first attempt analysed (as the
     * real worker's progress report left it in the row), so the task's progress counts both attempts.
     */
    @Test
    void transientFailureIsRetriedAfterTheBackoffAndShownMeanwhile() throws Exception {
        long id = create("{\"skill_name\": \"stay_stats\", \"max_retries\": 2, \"backoff_seconds\": 3}");
        awaitStatus(id, "Retrying");
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE analysis_tasks SET processed_points = 40, failed_points = 2,"
                    + " total_points = 100 WHERE id = " + id);
        }
        assertThat((String) admin().get(API + "/tasks/" + id).then().extract().path("error_message"))
                .isEqualTo("attempt 1 failed: exit code 75: database unreachable: connection refused");

        awaitStatus(id, "Succeeded");
        Row row = rows("id = " + id).get(0);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(Files.readString(LocalModeEnvironment.LOG_DIR.resolve(row.name() + "-2.log")))
                .contains("earlier attempts: 40 processed, 2 failed");
        assertThat((String) admin().get(API + "/tasks/" + id).then().extract().path("error_message")).isNull();
    }

    @Test
    void notRetryableFailureEndsAtOnceWithTheWorkersReason() throws Exception {
        long id = create("{\"skill_name\": \"footprint_stats\", \"max_retries\": 3, \"backoff_seconds\": 1}");
        awaitStatus(id, "Failed");
        assertThat(rows("id = " + id).get(0).attempts()).isEqualTo(1);
        assertThat((String) admin().get(API + "/tasks/" + id).then().extract().path("error_message"))
                .contains("exit code 64").contains("params.minStays: must be at least 1");
    }

    @Test
    void cancelStopsTheRunningWorker() throws Exception {
        long id = create("{\"skill_name\": \"grid_system\"}");
        awaitStatus(id, "Running");
        long pid = pidOf(id);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        // What the real worker's progress report writes into the row (TaskRowProgress); the status change that
        // follows carries no progress and must keep it.
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE analysis_tasks SET processed_points = 42, total_points = 100,"
                    + " progress_percent = 42 WHERE id = " + id);
        }

        admin().delete(API + "/tasks/" + id).then().statusCode(202);
        awaitStatus(id, "Cancelled");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(admin().get(API + "/tasks/" + id).then().extract().jsonPath().getInt("progress.processed_points"))
                .isEqualTo(42);
        admin().delete(API + "/tasks/" + id).then().statusCode(409);
    }

    @Test
    void aFreedSlotGoesToTheHigherPriority() throws Exception {
        long blocker = create("{\"skill_name\": \"grid_system\"}");
        awaitStatus(blocker, "Running");
        long low = create("{\"skill_name\": \"outlier_detection\", \"priority\": 0}");
        long high = create("{\"skill_name\": \"stay_detection\", \"priority\": 10}");
        awaitStatus(low, "Queued");
        awaitStatus(high, "Queued");

        admin().delete(API + "/tasks/" + blocker).then().statusCode(202);
        awaitStatus(low, "Succeeded");
        awaitStatus(high, "Succeeded");
        assertThat(rows("id = " + high).get(0).end()).isBeforeOrEqualTo(rows("id = " + low).get(0).start());
    }

    /** The local mode validates a task as the operator does: resources that Kubernetes would refuse are refused. */
    @Test
    void invalidResourcesAreRefusedAsByTheOperator() throws SQLException {
        int before = rows("true").size();
        long stored = localTasks();
        admin().contentType(ContentType.JSON).body("{\"skill_name\": \"grid_system\", \"resources\":"
                        + " {\"requests\": {\"cpu\": \"2\"}, \"limits\": {\"cpu\": \"1\"}}}").post(API + "/tasks")
                .then().statusCode(422).body("field", equalTo("resources.requests.cpu"));
        assertThat(rows("true")).hasSize(before);
        assertThat(localTasks()).isEqualTo(stored);
    }

    private long localTasks() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM local_tasks")) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", TestIdentities.adminToken());
    }

    private static long create(String body) {
        return admin().contentType(ContentType.JSON).body(body).post(API + "/tasks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void awaitStatus(long id, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(
                admin().get(API + "/tasks/" + id).then().statusCode(200).extract().path("status")));
    }

    private long pidOf(long id) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT r.pid FROM local_task_runs r JOIN analysis_tasks t"
                     + " ON t.uid = r.task_uid WHERE t.id = " + id + " ORDER BY r.attempt DESC LIMIT 1")) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    private List<Row> rows(String where) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT name, depends_on, start_time, end_time, attempts,"
                     + " job_name FROM analysis_tasks WHERE " + where + " ORDER BY id")) {
            while (row.next()) {
                rows.add(new Row(row.getString(1), Arrays.asList((String[]) row.getArray(2).getArray()),
                        row.getObject(3, OffsetDateTime.class), row.getObject(4, OffsetDateTime.class),
                        row.getInt(5), row.getString(6)));
            }
        }
        return rows;
    }
}
