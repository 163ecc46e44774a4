package dev.tracks.analysis.api.local;

import dev.tracks.analysis.lifecycle.RunState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The runs of local tasks, one row per attempt in {@code local_task_runs}: what a task's Jobs are in a cluster, kept
 * in PostgreSQL so that a restart of the local mode knows every attempt made before.
 */
@ApplicationScoped
public class LocalRuns {

    /** One attempt. {@code reason} is null while it runs and when it succeeded. */
    public record Run(int attempt, long generation, Instant startedAt, Instant finishedAt, Integer exitCode,
                      String reason, String message) {
    }

    private final AgroalDataSource dataSource;

    LocalRuns(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The lifecycle's view of a task's attempts: the latest decides, the first gives the start. An attempt that
     * exited 0 succeeded; any other end failed with its reason ({@link RunState.Failed#NOT_RETRYABLE},
     * {@link RunState.Failed#DEADLINE_EXCEEDED}, or why the worker stopped).
     */
    public static RunState stateOf(List<Run> runs) {
        if (runs.isEmpty()) {
            return new RunState.NotStarted();
        }
        Run latest = runs.stream().max(Comparator.comparingInt(Run::attempt)).orElseThrow();
        Instant started = runs.stream().map(Run::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        if (latest.finishedAt() == null) {
            return new RunState.Active(latest.attempt(), started);
        }
        if (latest.reason() == null) {
            return new RunState.Succeeded(latest.attempt(), started, latest.finishedAt());
        }
        return new RunState.Failed(latest.attempt(), started, latest.finishedAt(), latest.reason(), latest.message());
    }

    /** The generation the first attempt was started with, if there was one. */
    public static Long startedGeneration(List<Run> runs) {
        return runs.stream().min(Comparator.comparingInt(Run::attempt)).map(Run::generation).orElse(null);
    }

    void started(UUID task, int attempt, long generation, long pid, Instant at) {
        execute("INSERT INTO local_task_runs (task_uid, attempt, generation, pid, started_at) VALUES (?, ?, ?, ?, ?)",
                task, attempt, generation, pid, Timestamp.from(at));
    }

    void finished(UUID task, int attempt, Instant at, Integer exitCode, String reason, String message) {
        execute("UPDATE local_task_runs SET finished_at = ?, exit_code = ?, reason = ?, message = ?"
                + " WHERE task_uid = ? AND attempt = ? AND finished_at IS NULL",
                Timestamp.from(at), exitCode, reason, message, task, attempt);
    }

    /**
     * Closes the attempts that an earlier process of the local mode left running (it stopped before its workers
     * ended): they failed, and the lifecycle retries them like any failed attempt.
     */
    int closeInterrupted(String message) {
        return execute("UPDATE local_task_runs SET finished_at = now(), reason = 'Interrupted', message = ?"
                + " WHERE finished_at IS NULL", message);
    }

    public List<Run> of(UUID task) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT attempt, generation, started_at,"
                         + " finished_at, exit_code, reason, message FROM local_task_runs WHERE task_uid = ?"
                         + " ORDER BY attempt")) {
                select.setObject(1, task);
                List<Run> runs = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Timestamp finished = rows.getTimestamp(4);
                        runs.add(new Run(rows.getInt(1), rows.getLong(2), rows.getTimestamp(3).toInstant(),
                                finished == null ? null : finished.toInstant(), (Integer) rows.getObject(5),
                                rows.getString(6), rows.getString(7)));
                    }
                }
                return runs;
            }
        });
    }

    private int execute(String sql, Object... values) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        statement.setNull(i + 1, Types.NULL);
                    } else {
                        statement.setObject(i + 1, values[i]);
                    }
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("local_task_runs: " + e.getMessage(), e);
            }
        });
    }
}
