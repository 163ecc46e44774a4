package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.FieldViolation;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TaskSpecValidation;
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

    private TaskLifecycle() {
    }

    /**
     * What was observed of one task.
     *
     * @param currentPhase the phase in the task's status (null before the first decision)
     * @param dependencies the phase of each dependency that exists (a dependency without status maps to null)
     * @param dependsOnByTask every task's dependencies in the namespace, to find cycles
     * @param run the task's run
     */
    public record Observation(String name, AnalysisTaskSpec spec, TaskPhase currentPhase,
            Map<String, TaskPhase> dependencies, Map<String, List<String>> dependsOnByTask, RunState run) {
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
            boolean invalid = "PodFailurePolicy".equals(failed.reason());
            return new Decision.Finish(TaskPhase.FAILED, invalid ? INVALID_PARAMETERS : failed.reason(),
                    failed.message(), false);
        }
        if (Boolean.TRUE.equals(task.spec().getCancel())) {
            boolean running = run instanceof RunState.Active;
            return new Decision.Finish(TaskPhase.CANCELLED, "Cancelled",
                    running ? "cancelled while running; the run is stopped" : "cancelled before it started",
                    running);
        }
        if (run instanceof RunState.Active active) {
            return new Decision.Track(active);
        }
        if (task.currentPhase() == TaskPhase.RUNNING) {
            return new Decision.Finish(TaskPhase.FAILED, "RunLost",
                    "the task's run disappeared before it finished", false);
        }
        return beforeStart(task);
    }

    /** Turns {@link Decision.ReadyToRun} into a start or a place in the queue; other decisions pass unchanged. */
    public static Decision admit(Decision decision, Admission.Verdict verdict) {
        if (!(decision instanceof Decision.ReadyToRun)) {
            return decision;
        }
        return verdict.admitted() ? new Decision.Start() : new Decision.Queue(verdict.position());
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
        DependencyGate.Verdict gate = DependencyGate.evaluate(
                Optional.ofNullable(task.spec().getDependsOn()).orElse(List.of()), task.dependencies());
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
