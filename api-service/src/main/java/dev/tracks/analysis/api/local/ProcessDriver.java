package dev.tracks.analysis.api.local;

import dev.tracks.analysis.lifecycle.RunDriver;
import dev.tracks.analysis.lifecycle.Runs;
import dev.tracks.analysis.task.AnalysisTask;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local mode's {@link RunDriver}: each attempt of a task is a worker process ({@link WorkerProcesses}), recorded
 * as a row of {@code local_task_runs} ({@link LocalRuns}) when it starts and when it ends. The run of attempt n is
 * named {@code <task>-<n>}, like its log file.
 */
final class ProcessDriver implements RunDriver<LocalRuns.Run> {

    private final LocalRuns runs;
    private final WorkerProcesses processes;
    private final List<String> workerCommand;
    private final Duration stopGrace;

    ProcessDriver(LocalRuns runs, WorkerProcesses processes, List<String> workerCommand, Duration stopGrace) {
        this.runs = runs;
        this.processes = processes;
        this.workerCommand = List.copyOf(workerCommand);
        this.stopGrace = stopGrace;
    }

    @Override
    public Runs<LocalRuns.Run> observe(AnalysisTask task) {
        List<LocalRuns.Run> attempts = runs.of(uid(task));
        return new Runs<>(attempts, LocalRuns.stateOf(attempts), LocalRuns.startedGeneration(attempts),
                attempts.isEmpty() ? null
                        : task.getMetadata().getName() + "-" + attempts.get(attempts.size() - 1).attempt());
    }

    /** Starts a worker; a worker that cannot even start is a failed attempt, retried like any other. */
    @Override
    public Runs<LocalRuns.Run> start(AnalysisTask task, int attempt, Optional<Duration> deadline,
            Runs<LocalRuns.Run> before, Instant now) {
        UUID uid = uid(task);
        long generation = task.getMetadata().getGeneration();
        try {
            long pid = processes.start(task, attempt, deadline, now);
            runs.started(uid, attempt, generation, pid, now);
        } catch (IOException e) {
            runs.started(uid, attempt, generation, 0, now);
            runs.finished(uid, attempt, now, null, "Error", "cannot start the worker ("
                    + String.join(" ", workerCommand) + "): " + e.getMessage());
        }
        return observe(task);
    }

    /** SIGTERM, then SIGKILL after the grace; the attempt ends with reason Stopped. */
    @Override
    public void stop(AnalysisTask task, Runs<LocalRuns.Run> taskRuns, String why, Instant now) {
        UUID uid = uid(task);
        processes.stop(uid, why, stopGrace, now).ifPresent(exit -> runs.finished(uid, exit.attempt(), exit.at(),
                exit.exitCode(), exit.reason(), exit.message()));
    }

    /** Records the end of every attempt whose process has ended (or was stopped at its deadline) since the last call. */
    void recordEnded(Instant now) {
        processes.reap(now, stopGrace).forEach(exit -> runs.finished(exit.task(), exit.attempt(), exit.at(),
                exit.exitCode(), exit.reason(), exit.message()));
    }

    /**
     * Stops every running attempt, as interrupted (the next start of the local mode retries them), then the standby
     * workers.
     */
    void interruptAll(String why, Instant now) {
        for (UUID task : processes.runningTasks()) {
            processes.stop(task, why, stopGrace, now).ifPresent(exit -> runs.finished(task, exit.attempt(),
                    exit.at(), exit.exitCode(), "Interrupted", exit.message()));
        }
        processes.closeStandbys();
    }

    /** The earliest deadline of the running attempts: when {@link #recordEnded} must stop one. */
    Optional<Instant> nextDeadline() {
        return processes.nextDeadline();
    }

    private static UUID uid(AnalysisTask task) {
        return UUID.fromString(task.getMetadata().getUid());
    }
}
