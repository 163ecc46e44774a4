package dev.tracks.analysis.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracks.analysis.lifecycle.RunState;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.TaskMode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes (the shell stand-in of the worker, src/test/resources/local/stand-in-worker.sh): how their ends
 * become attempts: success, the not-retryable code with the worker's reason, the deadline; and that each end is
 * signalled the moment the process exits, without anyone polling.
 */
class WorkerProcessesTest {

    private static final List<String> STAND_IN = List.of("/bin/bash",
            Path.of("src/test/resources/local/stand-in-worker.sh").toAbsolutePath().toString());

    @TempDir
    Path logs;

    /** Released when an attempt has ended: the controller's signal to decide. */
    private final Semaphore exits = new Semaphore(0);

    @Test
    void anAttemptPastItsDeadlineIsStopped() throws Exception {
        WorkerProcesses processes = processes();
        AnalysisTask task = task(Skill.GRID_SYSTEM);
        Instant start = Instant.now();
        long pid = processes.start(task, 1, Optional.of(Duration.ofMillis(300)), start);

        assertThat(processes.nextDeadline()).as("when the controller must look again").contains(start.plusMillis(300));
        assertThat(processes.reap(start, Duration.ofSeconds(5))).isEmpty();
        List<WorkerProcesses.Exit> ended = processes.reap(start.plusSeconds(1), Duration.ofSeconds(5));

        assertThat(ended).singleElement().satisfies(exit -> {
            assertThat(exit.reason()).isEqualTo(RunState.Failed.DEADLINE_EXCEEDED);
            assertThat(exit.attempt()).isEqualTo(1);
        });
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(processes.runningTasks()).isEmpty();
        assertThat(processes.nextDeadline()).isEmpty();
    }

    @Test
    void theNotRetryableCodeCarriesTheWorkersReason() throws Exception {
        WorkerProcesses processes = processes();
        AnalysisTask task = task(Skill.FOOTPRINT_STATS);
        processes.start(task, 2, Optional.empty(), Instant.now());

        WorkerProcesses.Exit exit = awaitExit(processes);

        assertThat(exit.exitCode()).isEqualTo(64);
        assertThat(exit.reason()).isEqualTo(RunState.Failed.NOT_RETRYABLE);
        assertThat(exit.message()).isEqualTo("exit code 64: params.minStays: must be at least 1");
    }

    @Test
    void successHasNoReasonAndTheOutputIsInTheAttemptsLog() throws Exception {
        WorkerProcesses processes = processes();
        AnalysisTask task = task(Skill.OUTLIER_DETECTION);
        processes.start(task, 1, Optional.empty(), Instant.now());

        WorkerProcesses.Exit exit = awaitExit(processes);

        assertThat(exit.exitCode()).isZero();
        assertThat(exit.reason()).isNull();
        assertThat(Files.readString(processes.logFile("flags", 1))).contains("outlier_detection INCREMENTAL {} done");
    }

    /**
     * A standby worker started ahead takes attempts in turn, each with its own log; stopping an attempt stops its
     * worker, and a new one takes the next attempt; closing stops the idle ones.
     */
    @Test
    void standbyWorkersTakeAttemptsInTurnAndAStoppedOneIsReplaced() throws Exception {
        WorkerProcesses processes = new WorkerProcesses(STAND_IN, logs, Map.of("TRACKS_DB_URL", "jdbc:test"), 1,
                this::signalExit);
        processes.prepare();

        long first = processes.start(task(Skill.OUTLIER_DETECTION, "flags"), 1, Optional.empty(), Instant.now());
        assertThat(awaitExit(processes).exitCode()).isZero();
        long second = processes.start(task(Skill.STAY_DETECTION, "stays"), 1, Optional.empty(), Instant.now());
        assertThat(awaitExit(processes).exitCode()).isZero();

        assertThat(second).as("the same worker").isEqualTo(first);
        assertThat(Files.readString(processes.logFile("flags", 1))).contains("attempt 1 of this process")
                .contains("outlier_detection INCREMENTAL {} done").doesNotContain("stay_detection");
        assertThat(Files.readString(processes.logFile("stays", 1))).contains("attempt 2 of this process")
                .contains("stay_detection INCREMENTAL {} done");

        AnalysisTask endless = task(Skill.GRID_SYSTEM, "grid");
        long third = processes.start(endless, 1, Optional.empty(), Instant.now());
        assertThat(third).isEqualTo(first);
        assertThat(processes.stop(UUID.fromString(endless.getMetadata().getUid()), "cancelled", Duration.ofSeconds(5),
                Instant.now())).hasValueSatisfying(exit -> assertThat(exit.reason()).isEqualTo("Stopped"));
        assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(exits.tryAcquire(5, TimeUnit.SECONDS)).as("a stopped attempt's end is signalled too").isTrue();

        long fourth = processes.start(task(Skill.OUTLIER_DETECTION, "again"), 1, Optional.empty(), Instant.now());
        awaitExit(processes);
        assertThat(fourth).as("a new worker").isNotEqualTo(first);
        assertThat(Files.readString(processes.logFile("again", 1))).contains("attempt 1 of this process");

        processes.closeStandbys();
        assertThat(ProcessHandle.of(fourth).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> standbyLogs().isEmpty());
    }

    private List<Path> standbyLogs() throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("standby-")).toList();
        }
    }

    private WorkerProcesses processes() {
        return new WorkerProcesses(STAND_IN, logs, Map.of(), 0, this::signalExit);
    }

    private void signalExit() {
        exits.release();
    }

    /** Waits for the exit signal, then reaps: the attempt that ended is there at once. */
    private WorkerProcesses.Exit awaitExit(WorkerProcesses processes) throws InterruptedException {
        assertThat(exits.tryAcquire(5, TimeUnit.SECONDS)).as("the end of the attempt was signalled within 5 s").isTrue();
        return processes.reap(Instant.now(), Duration.ofSeconds(5)).get(0);
    }

    private static AnalysisTask task(Skill skill) {
        return task(skill, "flags");
    }

    private static AnalysisTask task(Skill skill, String name) {
        AnalysisTask task = new AnalysisTask();
        task.setMetadata(new ObjectMetaBuilder().withName(name).withUid(UUID.randomUUID().toString()).build());
        AnalysisTaskSpec spec = new AnalysisTaskSpec();
        spec.setSkill(skill);
        spec.setMode(TaskMode.INCREMENTAL);
        task.setSpec(spec);
        return task;
    }
}
