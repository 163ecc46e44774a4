package dev.tracks.analysis.api.bench;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskProgress;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The mirror's end-to-end lag: status.progress applies of the worker's field manager against the real API server,
 * each timed from the apply call returning to the first poll of {@code analysis_tasks} that shows it. Update {@code
 * i} sets processed_points to {@code i + 1} on task {@code i mod tasks}, so a row's value names the newest update it
 * shows (and, a task's values only growing, every earlier one of that task).
 */
final class MirrorLag {

    private static final String PREFIX = "mirror-";
    private static final long POLL_MILLIS = 5;

    /** What one poll saw: when, and each task's processed_points. */
    private record Observation(long nanos, Map<String, Long> processed) {
    }

    private final KubernetesClient client;
    private final DataSource database;
    private final String namespace;
    private final int tasks;

    MirrorLag(KubernetesClient client, DataSource database, String namespace, int tasks) {
        this.client = client;
        this.database = database;
        this.namespace = namespace;
        this.tasks = tasks;
    }

    /** Creates the tasks and waits until the mirror shows all of them; returns the seconds that took. */
    double createTasks() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> created = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            String name = PREFIX + i;
            created.add(CompletableFuture.runAsync(() -> client.resource(
                    TestTasks.task(namespace, name, Skill.STAY_DETECTION)).create(), pool));
        }
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        try (Connection connection = database.getConnection()) {
            while (poll(connection).size() < tasks) {
                if (System.nanoTime() - start > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("the mirror did not show all " + tasks + " tasks within 3"
                            + " minutes; see target/api-benchmark-service.log");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Applies {@code rate} updates per second for {@code duration}; returns the apply calls' and the lag's times. */
    Latencies[] run(int rate, Duration duration) throws Exception {
        ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> pollUntilStopped(polling, observations), "mirror-poller");
        poller.start();
        ExecutorService appliers = Executors.newFixedThreadPool(8);
        int count = (int) (rate * duration.toMillis() / 1000);
        long[] returned = new long[count];
        OpenLoop.Samples applies = OpenLoop.run(rate, duration, i -> CompletableFuture.supplyAsync(() -> {
            applyProgress(i);
            returned[i] = System.nanoTime();
            return true;
        }, appliers));
        appliers.shutdown();
        Thread.sleep(5000); // the last updates' lag, unless it is longer (then it is reported as missing)
        polling.set(false);
        poller.join();
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seen = firstSeen(observations, PREFIX + (i % tasks), i + 1L);
            if (seen >= 0 && !applies.failed()[i]) {
                lags.add(Math.max(0, seen - returned[i]));
            }
        }
        // An update not seen 5 s after the run counts as unanswered; a failed apply as an error.
        return new Latencies[] {applies.all("status apply call"),
                Latencies.of("apply returned -> row shows it", lags.stream().mapToLong(Long::longValue).toArray(),
                        0, count - lags.size())};
    }

    private void applyProgress(int update) {
        TaskProgress progress = new TaskProgress();
        progress.setTotalPoints(10_000_000L);
        progress.setProcessedPoints(update + 1L);
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setProgress(progress);
        TestTasks.applyStatus(client, namespace, PREFIX + (update % tasks), status, "tracks-worker");
    }

    /** Polls on one connection; each observation is stamped when its query returned (so lags err long). */
    private void pollUntilStopped(AtomicBoolean polling, ConcurrentLinkedQueue<Observation> observations) {
        try (Connection connection = database.getConnection()) {
            while (polling.get()) {
                Map<String, Long> processed = poll(connection);
                observations.add(new Observation(System.nanoTime(), processed));
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mirrored tasks' processed_points by name. */
    private Map<String, Long> poll(Connection connection) throws SQLException {
        Map<String, Long> processed = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, processed_points FROM"
                     + " analysis_tasks WHERE namespace = ? AND deleted_at IS NULL AND name LIKE 'mirror-%'")) {
            statement.setString(1, namespace);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    processed.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return processed;
    }

    /** When a poll first showed {@code name} at {@code value} or later, or -1. */
    private static long firstSeen(ConcurrentLinkedQueue<Observation> observations, String name, long value) {
        for (Observation observation : observations) {
            Long processed = observation.processed().get(name);
            if (processed != null && processed >= value) {
                return observation.nanos();
            }
        }
        return -1;
    }
}
