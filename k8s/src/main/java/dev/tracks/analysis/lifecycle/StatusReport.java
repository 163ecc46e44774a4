package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.AttemptFailure;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator-owned part of a task's status after a {@link Decision}: phase, message, conditions, attempts, times,
 * run name and observedGeneration. The worker's fields (progress, resultSummary) are never part of it, so applying it
 * with the operator's field manager leaves them alone.
 *
 * <p>{@code lastFailure} is the latest failed attempt: set when the lifecycle sees one, kept while later attempts run
 * and after the end, so that a task in phase Retrying, a retried one and a failed one all say why.
 *
 * <p>Conditions, each stamped with the generation they describe, change lastTransitionTime only when their status
 * flips: {@code DependenciesReady}, {@code Admitted}, {@code Complete}, and {@code SpecApplied} when the spec changed
 * after the run started (a Job's pod template cannot change; the change is reported, not applied). A reconcile that
 * failed adds {@code Reconciled} False with the reason ({@link #reconcileFailed}); the next report drops it. A finished
 * task's status ({@link Decision.Keep}) stays as it is, whatever became of its run.
 */
public final class StatusReport {

    public static final String DEPENDENCIES_READY = "DependenciesReady";
    public static final String ADMITTED = "Admitted";
    public static final String COMPLETE = "Complete";
    public static final String SPEC_APPLIED = "SpecApplied";
    public static final String RECONCILED = "Reconciled";

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private StatusReport() {
    }

    /**
     * @param previous the status as observed (may be null)
     * @param generation the task's metadata.generation now
     * @param startedGeneration the generation the run was started with, if it was
     * @param runName the name of the run (the Job) once it exists
     */
    public static AnalysisTaskStatus next(AnalysisTaskStatus previous, Decision decision, RunState run,
            long generation, Long startedGeneration, String runName, Instant now) {
        if (decision instanceof Decision.Keep && previous != null) {
            // Finished for good: an operator restart or the Job's TTL must not strip its conditions or attempts.
            return lifecycleFields(previous);
        }
        AnalysisTaskStatus old = previous == null ? new AnalysisTaskStatus() : previous;
        AnalysisTaskStatus next = new AnalysisTaskStatus();
        next.setPhase(decision.phase());
        next.setObservedGeneration(generation);
        next.setMessage(message(decision, old));
        next.setJobName(runName);
        next.setLastFailure(failedAttempt(decision, run).map(StatusReport::failure).orElse(old.getLastFailure()));
        if (!(run instanceof RunState.NotStarted)) {
            next.setAttempts(run.attempts());
        }
        next.setStartTime(run.startedAt() != null ? run.startedAt().toString() : old.getStartTime());
        if (decision.phase().isFinished()) {
            Instant finishedAt = run instanceof RunState.Finished finished && finished.finishedAt() != null
                    ? finished.finishedAt() : now;
            next.setCompletionTime(old.getCompletionTime() != null ? old.getCompletionTime() : finishedAt.toString());
        }
        List<Condition> conditions = new ArrayList<>();
        conditions(decision).forEach(c -> conditions.add(stamp(c, old, generation, now)));
        if (startedGeneration != null && startedGeneration < generation) {
            conditions.add(stamp(new ConditionBuilder().withType(SPEC_APPLIED).withStatus("False")
                    .withReason("ImmutableAfterStart")
                    .withMessage("generation " + generation + " is not applied: the run started with generation "
                            + startedGeneration + "; create a new AnalysisTask to run the changed spec")
                    .build(), old, generation, now));
        }
        next.setConditions(conditions);
        return next;
    }

    /**
     * The status after a reconcile that failed before it could report: the lifecycle's fields as they were, plus
     * the condition {@code Reconciled} False whose message says why. Repeated failures keep its lastTransitionTime.
     */
    public static AnalysisTaskStatus reconcileFailed(AnalysisTaskStatus previous, long generation, String why,
            Instant now) {
        AnalysisTaskStatus old = previous == null ? new AnalysisTaskStatus() : previous;
        AnalysisTaskStatus next = lifecycleFields(old);
        List<Condition> conditions = new ArrayList<>(Optional.ofNullable(old.getConditions()).orElse(List.of()));
        conditions.removeIf(c -> RECONCILED.equals(c.getType()));
        conditions.add(stamp(condition(RECONCILED, false, "ReconcileFailed", why), old, generation, now));
        next.setConditions(conditions);
        return next;
    }

    /**
     * Whether {@code next} changes a field of {@code previous} that the lifecycle owns; the worker's (progress,
     * resultSummary) do not count.
     */
    public static boolean changes(AnalysisTaskStatus previous, AnalysisTaskStatus next) {
        return previous == null
                || !JSON.asJson(lifecycleFields(previous)).equals(JSON.asJson(lifecycleFields(next)));
    }

    /**
     * The failed attempt {@code next} reports that {@code previous} did not: what the runtimes and the status mirror
     * log, once per failed attempt.
     */
    public static Optional<AttemptFailure> newFailure(AnalysisTaskStatus previous, AnalysisTaskStatus next) {
        AttemptFailure before = previous == null ? null : previous.getLastFailure();
        return Optional.ofNullable(next == null ? null : next.getLastFailure()).filter(f -> !f.equals(before));
    }

    /** A copy without the worker's fields. */
    private static AnalysisTaskStatus lifecycleFields(AnalysisTaskStatus status) {
        AnalysisTaskStatus copy = JSON.clone(status);
        copy.setProgress(null);
        copy.setResultSummary(null);
        return copy;
    }

    private static List<Condition> conditions(Decision decision) {
        if (decision instanceof Decision.Wait wait) {
            return List.of(condition(DEPENDENCIES_READY, false, wait.reason(), wait.message()),
                    condition(COMPLETE, false, "InProgress", "waiting for dependencies"));
        }
        if (decision instanceof Decision.ReadyToRun) {
            return List.of(dependenciesSucceeded(), condition(COMPLETE, false, "InProgress", "ready to run"));
        }
        if (decision instanceof Decision.Queue queue) {
            return List.of(dependenciesSucceeded(),
                    condition(ADMITTED, false, "Queued", "position " + queue.position() + " in the queue"),
                    condition(COMPLETE, false, "InProgress", "queued"));
        }
        if (decision instanceof Decision.Start || decision instanceof Decision.Track
                || decision instanceof Decision.Retry) {
            return running();
        }
        if (decision instanceof Decision.AwaitRetry await) {
            return List.of(dependenciesSucceeded(), condition(ADMITTED, true, "SlotGranted", "admitted to run"),
                    condition(COMPLETE, false, "RetryScheduled", "attempt " + await.attempt() + " starts at "
                            + await.at()));
        }
        if (decision instanceof Decision.Finish finish) {
            return List.of(condition(COMPLETE, true, finish.reason(), finish.message()));
        }
        return List.of();
    }

    /** The failed attempt the decision acts on: the one a retry follows, or the observed run's. */
    private static Optional<RunState.Failed> failedAttempt(Decision decision, RunState run) {
        if (decision instanceof Decision.Retry retry) {
            return Optional.of(retry.failed());
        }
        if (decision instanceof Decision.AwaitRetry await) {
            return Optional.of(await.failed());
        }
        return run instanceof RunState.Failed failed ? Optional.of(failed) : Optional.empty();
    }

    private static AttemptFailure failure(RunState.Failed failed) {
        return new AttemptFailure(failed.attempts(), failed.reason(), failed.message(),
                failed.finishedAt() == null ? null : failed.finishedAt().toString());
    }

    private static Condition dependenciesSucceeded() {
        return condition(DEPENDENCIES_READY, true, "DependenciesSucceeded", "all dependencies succeeded");
    }

    private static List<Condition> running() {
        return List.of(dependenciesSucceeded(),
                condition(ADMITTED, true, "SlotGranted", "admitted to run"),
                condition(COMPLETE, false, "InProgress", "running"));
    }

    private static Condition condition(String type, boolean status, String reason, String message) {
        return new ConditionBuilder().withType(type).withStatus(status ? "True" : "False").withReason(reason)
                .withMessage(message).build();
    }

    /** Keeps the previous lastTransitionTime unless the condition's status flipped. */
    private static Condition stamp(Condition condition, AnalysisTaskStatus old, long generation, Instant now) {
        Optional<Condition> before = Optional.ofNullable(old.getConditions()).orElse(List.of()).stream()
                .filter(c -> c.getType().equals(condition.getType())).findFirst();
        String transition = before.filter(b -> Objects.equals(b.getStatus(), condition.getStatus()))
                .map(Condition::getLastTransitionTime).orElse(now.toString());
        return new ConditionBuilder(condition).withObservedGeneration(generation)
                .withLastTransitionTime(transition).build();
    }

    private static String message(Decision decision, AnalysisTaskStatus old) {
        if (decision instanceof Decision.Wait wait) {
            return wait.message();
        }
        if (decision instanceof Decision.Queue queue) {
            return "waiting for a free slot: position " + queue.position() + " in the queue";
        }
        // A start and a retry say what tracking the new run will say, so that the Job's first events find
        // nothing to change and cost no second status apply.
        if (decision instanceof Decision.Start) {
            return running(1);
        }
        if (decision instanceof Decision.Retry retry) {
            return running(retry.attempt());
        }
        if (decision instanceof Decision.Track track) {
            return running(track.run().attempts());
        }
        if (decision instanceof Decision.AwaitRetry await) {
            return "attempt " + await.failed().attempts() + " failed (" + await.failed().message() + "); attempt "
                    + await.attempt() + " starts at " + await.at();
        }
        if (decision instanceof Decision.Finish finish) {
            return finish.message();
        }
        return "ready to run";
    }

    private static String running(int attempt) {
        return "running, attempt " + attempt;
    }
}
