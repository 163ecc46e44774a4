package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.FieldViolation;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TaskSpecValidation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lifecycle of a task as pure decisions: given what was observed of the task, its dependencies and its run,
 * what happens next. Shared by the operator (runs are Jobs) and the local mode (runs are processes); neither the
 * observation nor the decision involves a Kubernetes client.
 */
public final class TaskLifecycle {

    /** The reason of a task whose worker exited with the invalid-parameters code: the run failed at once, no retry. */
    public static final String INVALID_PARAMETERS = "InvalidParameters";
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private TaskLifecycle() {
    }

    /**
     * What was observed of one task.
     *
     * @param currentPhase the phase in the task's status (null before the first decision)
     * @param dependencies the phase of each dependency that exists (a dependency without status maps to null)
     * @param dependsOnByTask every task's dependencies in the namespace, to find cycles
     * @param run the task's run (its latest attempt, with the number of attempts so far)
     * @param now the time of the observation, for retry backoff and deadlines
     */
    public record Observation(String name, AnalysisTaskSpec spec, TaskPhase currentPhase,
            Map<String, TaskPhase> dependencies, Map<String, List<String>> dependsOnByTask, RunState run,
            Instant now) {
    }

    public static Decision decide(Observation task) {
        if (task.currentPhase() != null && task.currentPhase().isFinished()) {
            return new Decision.Keep(task.currentPhase());
        }
        RunState run = task.run();
        if (run instanceof RunState.Succeeded succeeded) {
            return new Decision.Finish(TaskPhase.SUCCEEDED, "Succeeded",
                    "finished after " + attempts(succeeded.attempts()), false);
        }
        if (run instanceof RunState.Failed failed) {
            Optional<Decision> end = failureWithoutRetry(task, failed);
            if (end.isPresent()) {
                return end.get();
            }
        }
        if (task.spec().cancelRequested()) {
            boolean running = run instanceof RunState.Active;
            String message = running ? "cancelled while running; the run is stopped"
                    : run instanceof RunState.Failed ? "cancelled between attempts" : "cancelled before it started";
            return new Decision.Finish(TaskPhase.CANCELLED, "Cancelled", message, running);
        }
        if (run instanceof RunState.Active active) {
            return new Decision.Track(active);
        }
        if (run instanceof RunState.Failed failed) {
            Instant retryAt = failed.finishedAt().plus(backoff(task.spec(), failed.attempts()));
            return task.now().isBefore(retryAt) ? new Decision.AwaitRetry(retryAt, failed)
                    : new Decision.Retry(failed);
        }
        if (task.currentPhase() != null && task.currentPhase().holdsSlot()) {
            return new Decision.Finish(TaskPhase.FAILED, "RunLost",
                    "the task's run disappeared before it finished", false);
        }
        return beforeStart(task);
    }

    /**
     * The delay before the retry that follows failed attempt {@code failedAttempts}: spec.backoffSeconds, doubled
     * for each further attempt, at most an hour.
     */
    public static Duration backoff(AnalysisTaskSpec spec, int failedAttempts) {
        long seconds = (long) spec.backoffSecondsOrDefault() << Math.min(failedAttempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    /** What is left of spec.deadlineSeconds, counted from the first attempt's start; empty without a deadline. */
    public static Optional<Duration> remainingDeadline(AnalysisTaskSpec spec, Instant firstStart, Instant now) {
        if (spec.getDeadlineSeconds() == null) {
            return Optional.empty();
        }
        Duration used = firstStart == null ? Duration.ZERO : Duration.between(firstStart, now);
        return Optional.of(Duration.ofSeconds(spec.getDeadlineSeconds()).minus(used));
    }

    /** Turns {@link Decision.ReadyToRun} into a start or a place in the queue; other decisions pass unchanged. */
    public static Decision admit(Decision decision, Admission.Verdict verdict) {
        if (!(decision instanceof Decision.ReadyToRun)) {
            return decision;
        }
        return verdict.admitted() ? new Decision.Start() : new Decision.Queue(verdict.position());
    }

    /** The end of a task whose attempt failed, unless another attempt is due. */
    private static Optional<Decision> failureWithoutRetry(Observation task, RunState.Failed failed) {
        if (RunState.Failed.NOT_RETRYABLE.equals(failed.reason())) {
            return Optional.of(new Decision.Finish(TaskPhase.FAILED, INVALID_PARAMETERS, failed.message(), false));
        }
        if (RunState.Failed.DEADLINE_EXCEEDED.equals(failed.reason())) {
            return Optional.of(new Decision.Finish(TaskPhase.FAILED, "DeadlineExceeded", failed.message(), false));
        }
        if (failed.attempts() > task.spec().maxRetriesOrDefault()) {
            return Optional.of(new Decision.Finish(TaskPhase.FAILED, "RetriesExhausted",
                    attempts(failed.attempts()) + " failed; the last: " + failed.message(), false));
        }
        Optional<Duration> left = remainingDeadline(task.spec(), failed.startedAt(), task.now());
        if (left.isPresent() && (left.get().isNegative() || left.get().isZero())) {
            return Optional.of(new Decision.Finish(TaskPhase.FAILED, "DeadlineExceeded", "the deadline of "
                    + task.spec().getDeadlineSeconds() + " s passed before the next attempt; the last: "
                    + failed.message(), false));
        }
        return Optional.empty();
    }

    private static Decision beforeStart(Observation task) {
        List<FieldViolation> violations = TaskSpecValidation.validate(task.name(), task.spec());
        if (!violations.isEmpty()) {
            return new Decision.Finish(TaskPhase.FAILED, "InvalidSpec", violations.stream()
                    .map(FieldViolation::toString).collect(Collectors.joining("; ")), false);
        }
        Optional<List<String>> cycle = DependencyCycles.through(task.name(), task.dependsOnByTask());
        if (cycle.isPresent()) {
            return new Decision.Finish(TaskPhase.FAILED, "InvalidSpec",
                    "spec.dependsOn: dependency cycle " + String.join(" -> ", cycle.get()), false);
        }
        DependencyGate.Verdict gate = DependencyGate.evaluate(task.spec().dependsOnOrEmpty(), task.dependencies());
        if (gate instanceof DependencyGate.Verdict.DependencyFailed failed) {
            return new Decision.Finish(TaskPhase.FAILED, "DependencyFailed", failed.message(), false);
        }
        if (gate instanceof DependencyGate.Verdict.Waiting waiting) {
            return new Decision.Wait(waiting.missing().isEmpty() ? "WaitingForDependencies" : "DependencyMissing",
                    waiting.message());
        }
        return new Decision.ReadyToRun();
    }

    private static String attempts(int attempts) {
        return attempts == 1 ? "1 attempt" : attempts + " attempts";
    }
}
