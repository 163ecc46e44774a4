package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.WorkerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The `run` command as a Job's pod runs it: exit codes, error messages naming the field, dry run, a real run. */
class RunCommandTest {

    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/none";
    private static RunFixture fixture;
    private static String url;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void database() throws SQLException {
        fixture = new RunFixture("run_command");
        url = TestDatabase.jdbcUrl("run_command");
        fixture.insert("ada", RunFixture.times(RunFixture.T0, 400, 1));
        fixture.insert("bob", RunFixture.times(RunFixture.T0, 100, 2));
    }

    private int run(String... args) {
        CommandLine command = WorkerCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void invalidParametersFailAtOnceWithTheNonRetryableCodeNamingTheField() {
        assertThat(run("run", "--skill", "stay_detection", "--params", "{\"distThresholdMeters\": 0}",
                "--jdbc-url", NOWHERE)).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("params.distThresholdMeters: must be between 1 and 5000 m, got 0");
    }

    @Test
    void unknownSkillsAreNotRetryable() {
        // A catalog skill this worker version lacks fails alike: SkillCompletenessTest.
        assertThat(run("run", "--skill", "teleportation", "--jdbc-url", NOWHERE))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("skill: unknown skill 'teleportation'");
    }

    @Test
    void malformedJsonAndScopeNameTheirField() {
        assertThat(run("run", "--skill", "outlier_detection", "--params", "{oops", "--jdbc-url", NOWHERE))
                .isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("params: not a JSON object");
        assertThat(run("run", "--skill", "outlier_detection", "--scope", "{\"from\": \"monday\"}",
                "--jdbc-url", NOWHERE)).isEqualTo(WorkerContract.EXIT_NOT_RETRYABLE);
        assertThat(err.toString()).contains("scope.from: not an RFC 3339 time: 'monday'");
    }

    @Test
    void withoutKubernetesProgressGoesToTheTasksRow() throws SQLException {
        UUID uid = UUID.randomUUID();
        try (Connection db = fixture.dataSource.getConnection()) {
            db.createStatement().execute("INSERT INTO analysis_tasks (namespace, name, uid, skill_name, task_type)"
                    + " VALUES ('local', 'flags', '" + uid + "', 'outlier_detection', 'FULL_RECOMPUTE')");
        }
        assertThat(run("run", "--skill", "outlier_detection", "--mode", "FULL_RECOMPUTE", "--task-uid",
                uid.toString(), "--jdbc-url", url, "--db-user", "postgres")).isZero();
        assertThat(fixture.rows("SELECT processed_points, total_points, progress_percent FROM analysis_tasks"
                + " WHERE uid = '" + uid + "'")).containsExactly(List.of(500L, 500L, 100.0));
        assertThat(fixture.rows("SELECT result_summary->>'skill', (result_summary->>'analyzedPoints')::int"
                + " FROM analysis_tasks WHERE uid = '" + uid + "'")).containsExactly(List.of("outlier_detection", 500));
    }

    @Test
    void aRetryReportsTheWholeTasksProgressCountingTheEarlierAttempts() throws SQLException {
        UUID uid = UUID.randomUUID();
        try (Connection db = fixture.dataSource.getConnection()) {
            db.createStatement().execute("INSERT INTO analysis_tasks (namespace, name, uid, skill_name, task_type)"
                    + " VALUES ('local', 'retried', '" + uid + "', 'outlier_detection', 'INCREMENTAL')");
        }
        // The runtimes pass earlier counts only to incremental retries; a full recompute here makes the run's own
        // share (all 500 points) independent of what the other tests analysed before.
        assertThat(run("run", "--skill", "outlier_detection", "--mode", "FULL_RECOMPUTE", "--task-uid", uid.toString(),
                "--earlier-processed-points", "300", "--earlier-failed-points", "2", "--jdbc-url", url,
                "--db-user", "postgres")).isZero();
        assertThat(fixture.rows("SELECT processed_points, failed_points, total_points FROM analysis_tasks"
                + " WHERE uid = '" + uid + "'")).containsExactly(List.of(800L, 2L, 802L));
    }

    @Test
    void anUnreachableDatabaseIsTransient() {
        assertThat(run("run", "--skill", "outlier_detection", "--jdbc-url", NOWHERE))
                .isEqualTo(WorkerContract.EXIT_TRANSIENT);
        assertThat(err.toString()).contains("cannot connect to " + NOWHERE);
    }

    @Test
    void aDryRunCountsAndARealRunAnalyzesThenNothingIsLeft() throws SQLException {
        assertThat(run("run", "--skill", "outlier_detection", "--dry-run", "--jdbc-url", url, "--db-user",
                "postgres")).isZero();
        assertThat(out.toString()).contains("outlier_detection: 500 points to analyze");

        assertThat(run("run", "--skill", "outlier_detection", "--scope", "{\"userIds\": [\"bob\"]}",
                "--jdbc-url", url, "--db-user", "postgres")).isZero();
        assertThat(fixture.count("SELECT analyzed_points FROM skill_watermarks WHERE user_id = 'bob'"))
                .isEqualTo(100);
        assertThat(run("run", "--skill", "outlier_detection", "--dry-run", "--jdbc-url", url, "--db-user",
                "postgres")).isZero();
        assertThat(out.toString()).contains("outlier_detection: 400 points to analyze");
    }
}
