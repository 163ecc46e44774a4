package dev.tracks.analysis.api.local;

import dev.tracks.analysis.lifecycle.RunState;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.WorkerContract;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The attempts of the local mode as worker processes: the worker's command line with the environment the operator
 * gives a worker pod ({@link WorkerContract}), except the task's namespace and name, so that the worker reports
 * progress into the task's analysis_tasks row. Output goes to {@code <log dir>/<task>-<attempt>.log}, the one-line
 * failure reason to {@code <task>-<attempt>.reason}. Stopping sends SIGTERM to the attempt's process first: the worker
 * commits per batch, so a stop loses at most the batch in flight, which the next run redoes. The end of every attempt
 * is signalled at once ({@code onExit}), so that the controller starts the tasks waiting for it without delay. An
 * attempt goes to a standby worker when one is idle ({@link StandbyWorkers}), else to a fresh worker.
 */
public final class WorkerProcesses {

    /** How an attempt ended; {@code reason} null when it succeeded. */
    record Exit(UUID task, int attempt, Instant at, Integer exitCode, String reason, String message) {
    }

    /** A running attempt: its process (a fresh worker's, or a standby's) and its exit code once it ended. */
    private record Attempt(Process process, CompletableFuture<Integer> exit, String name, int attempt,
                           Instant deadline) {
    }

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final List<String> command;
    private final Path logDir;
    private final Map<String, String> database;
    private final Runnable onExit;
    private final StandbyWorkers standbys;
    private final Map<UUID, Attempt> running = new ConcurrentHashMap<>();

    /**
     * @param standbys how many workers to keep started ahead of need ({@link StandbyWorkers}); 0 for none
     * @param onExit   called (on another thread) whenever an attempt's process has ended
     */
    WorkerProcesses(List<String> command, Path logDir, Map<String, String> database, int standbys,
            Runnable onExit) {
        this.command = List.copyOf(command);
        this.logDir = logDir;
        this.database = Map.copyOf(database);
        this.onExit = onExit;
        this.standbys = new StandbyWorkers(command, logDir, database, standbys);
    }

    /** Starts the standby workers, so that the first attempts need not wait for a JVM either. */
    void prepare() {
        standbys.removeLeftoverLogs();
        standbys.fill();
    }

    /** Starts attempt {@code attempt}; returns its pid. {@code deadline} is what is left of the task's deadline. */
    long start(AnalysisTask task, int attempt, Optional<Duration> deadline, Instant now) throws IOException {
        UUID uid = UUID.fromString(task.getMetadata().getUid());
        String name = task.getMetadata().getName();
        Files.createDirectories(logDir);
        Files.deleteIfExists(reasonFile(name, attempt));
        Map<String, String> environment = environment(task, attempt, reasonFile(name, attempt));
        Path log = logFile(name, attempt);
        Optional<StandbyWorkers.Lease> standby = standbys.handOff(environment, log);
        StandbyWorkers.Lease lease = standby.isPresent() ? standby.get() : startFresh(environment, log);
        running.put(uid, new Attempt(lease.process(), lease.exit(), name, attempt,
                deadline.map(now::plus).orElse(null)));
        lease.exit().thenRun(onExit);
        return lease.process().pid();
    }

    /** Stops the standby workers; running attempts are to be stopped first ({@link #stop}). */
    void closeStandbys() {
        standbys.close();
    }

    boolean isRunning(UUID task) {
        return running.containsKey(task);
    }

    /** The attempts that ended since the last call; an attempt past its deadline is stopped and ends here. */
    List<Exit> reap(Instant now, Duration grace) {
        List<Exit> ended = new ArrayList<>();
        running.forEach((task, attempt) -> {
            if (attempt.exit().isDone()) {
                ended.add(exit(task, attempt, now));
            } else if (attempt.deadline() != null && now.isAfter(attempt.deadline())) {
                terminate(attempt.process(), grace);
                ended.add(new Exit(task, attempt.attempt(), now, attempt.process().exitValue(),
                        RunState.Failed.DEADLINE_EXCEEDED, "stopped at the task's deadline"));
            }
        });
        ended.forEach(exit -> running.remove(exit.task()));
        return ended;
    }

    /** Stops the task's running attempt, if any, and says how it ended. */
    Optional<Exit> stop(UUID task, String why, Duration grace, Instant now) {
        Attempt attempt = running.remove(task);
        if (attempt == null) {
            return Optional.empty();
        }
        terminate(attempt.process(), grace);
        return Optional.of(new Exit(task, attempt.attempt(), now, attempt.process().exitValue(), "Stopped", why));
    }

    /** The earliest deadline of the running attempts: when {@link #reap} must stop one. */
    Optional<Instant> nextDeadline() {
        return running.values().stream().map(Attempt::deadline).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /** The tasks with a running attempt. */
    List<UUID> runningTasks() {
        return List.copyOf(running.keySet());
    }

    Path logFile(String task, int attempt) {
        return logFile(logDir, task, attempt);
    }

    /** Where the output of a task's attempt goes (the console shows its last lines). */
    public static Path logFile(Path logDir, String task, int attempt) {
        return logDir.resolve(task + "-" + attempt + ".log");
    }

    private Path reasonFile(String task, int attempt) {
        return logDir.resolve(task + "-" + attempt + ".reason");
    }

    private StandbyWorkers.Lease startFresh(Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new StandbyWorkers.Lease(process, process.onExit().thenApply(Process::exitValue));
    }

    private Exit exit(UUID task, Attempt attempt, Instant now) {
        int code = attempt.exit().join();
        if (code == 0) {
            return new Exit(task, attempt.attempt(), now, 0, null, null);
        }
        String reason = code == WorkerContract.EXIT_NOT_RETRYABLE ? RunState.Failed.NOT_RETRYABLE : "Error";
        String message = "exit code " + code + readReason(attempt).map(r -> ": " + r)
                .orElse("; see " + logFile(attempt.name(), attempt.attempt()));
        return new Exit(task, attempt.attempt(), now, code, reason, message);
    }

    private Optional<String> readReason(Attempt attempt) {
        try {
            Path file = reasonFile(attempt.name(), attempt.attempt());
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(r -> !r.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> environment(AnalysisTask task, int attempt, Path reasonFile) {
        AnalysisTaskSpec spec = task.getSpec();
        Map<String, String> env = new HashMap<>(database);
        env.put(WorkerContract.ENV_TASK_UID, task.getMetadata().getUid());
        env.put(WorkerContract.ENV_SKILL, spec.getSkill().id());
        env.put(WorkerContract.ENV_MODE, spec.modeOrDefault().name());
        env.put(WorkerContract.ENV_PARAMS, JSON.asJson(spec.paramsOrEmpty()));
        env.put(WorkerContract.ENV_BATCH_SIZE, String.valueOf(spec.batchSizeOrDefault()));
        spec.scopeIfAny().ifPresent(scope -> env.put(WorkerContract.ENV_SCOPE, JSON.asJson(scope)));
        env.put(WorkerContract.ENV_SHARD_COUNT, "1");
        env.putAll(WorkerContract.earlierProgress(spec, attempt, task.getStatus() == null ? null
                : task.getStatus().getProgress()));
        env.put(WorkerContract.ENV_TERMINATION_LOG, reasonFile.toString());
        return env;
    }

    /** SIGTERM, then SIGKILL after {@code grace}; waits for the end. */
    private static void terminate(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly().onExit().join();
        }
    }
}
