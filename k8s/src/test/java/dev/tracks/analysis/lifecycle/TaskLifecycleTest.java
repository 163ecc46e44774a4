package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.lifecycle.TaskLifecycle.Observation;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.TaskPhase;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every transition of the task lifecycle, as pure decisions. */
class TaskLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-28T10:05:00Z");
    private static final RunState NOT_STARTED = new RunState.NotStarted();

    @Test
    void aTaskWithoutDependenciesIsReadyToRun() {
        assertThat(TaskLifecycle.decide(observe(spec(), null, Map.of(), NOT_STARTED)))
                .isEqualTo(new Decision.ReadyToRun());
    }

    @Test
    void aTaskWaitsForUnfinishedDependenciesAndNamesThem() {
        Decision decision = TaskLifecycle.decide(observe(spec("outliers"), null,
                Map.of("outliers", TaskPhase.RUNNING), NOT_STARTED));
        assertThat(decision).isEqualTo(new Decision.Wait("WaitingForDependencies",
                "waiting for outliers to succeed"));
        assertThat(decision.phase()).isEqualTo(TaskPhase.WAITING);
    }

    @Test
    void aMissingDependencyKeepsTheTaskWaitingWithAClearMessage() {
        assertThat(TaskLifecycle.decide(observe(spec("outliers"), TaskPhase.WAITING, Map.of(), NOT_STARTED)))
                .isEqualTo(new Decision.Wait("DependencyMissing",
                        "no AnalysisTask named outliers in this namespace"));
    }

    @Test
    void aFailedDependencyFailsTheTaskWithoutARun() {
        assertThat(TaskLifecycle.decide(observe(spec("outliers"), TaskPhase.WAITING,
                Map.of("outliers", TaskPhase.FAILED), NOT_STARTED)))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, "DependencyFailed",
                        "dependency outliers ended Failed", false));
    }

    @Test
    void succeededDependenciesMakeTheTaskReady() {
        assertThat(TaskLifecycle.decide(observe(spec("outliers", "modes"), TaskPhase.WAITING,
                Map.of("outliers", TaskPhase.SUCCEEDED, "modes", TaskPhase.SUCCEEDED), NOT_STARTED)))
                .isEqualTo(new Decision.ReadyToRun());
    }

    @Test
    void admissionStartsAReadyTaskOrQueuesItAtItsPosition() {
        Decision ready = new Decision.ReadyToRun();
        assertThat(TaskLifecycle.admit(ready, new Admission.Verdict(true, 0))).isEqualTo(new Decision.Start());
        assertThat(TaskLifecycle.admit(ready, new Admission.Verdict(false, 3))).isEqualTo(new Decision.Queue(3));
        Decision waiting = new Decision.Wait("WaitingForDependencies", "x");
        assertThat(TaskLifecycle.admit(waiting, new Admission.Verdict(true, 0))).isSameAs(waiting);
    }

    @Test
    void anActiveRunIsTracked() {
        RunState.Active active = new RunState.Active(2, T0);
        assertThat(TaskLifecycle.decide(observe(spec(), TaskPhase.RUNNING, Map.of(), active)))
                .isEqualTo(new Decision.Track(active));
    }

    @Test
    void aSucceededRunSucceedsTheTask() {
        assertThat(TaskLifecycle.decide(observe(spec(), TaskPhase.RUNNING, Map.of(),
                new RunState.Succeeded(1, T0, T1))))
                .isEqualTo(new Decision.Finish(TaskPhase.SUCCEEDED, "Succeeded", "finished after 1 attempt", false));
    }

    @Test
    void aFailedAttemptWithRetriesLeftIsRetriedAfterTheBackoff() {
        AnalysisTaskSpec spec = spec();
        spec.setBackoffSeconds(10);
        RunState.Failed failed = new RunState.Failed(2, T0, T1, "BackoffLimitExceeded", "exit code 75: db down");
        Decision waiting = TaskLifecycle.decide(observe(spec, TaskPhase.RUNNING, Map.of(), failed, T1.plusSeconds(19)));
        assertThat(waiting).isEqualTo(new Decision.AwaitRetry(T1.plusSeconds(20), failed));
        assertThat(waiting.phase()).isEqualTo(TaskPhase.RETRYING);
        assertThat(((Decision.AwaitRetry) waiting).attempt()).isEqualTo(3);
        Decision retry = TaskLifecycle.decide(observe(spec, TaskPhase.RETRYING, Map.of(), failed, T1.plusSeconds(20)));
        assertThat(retry).isEqualTo(new Decision.Retry(failed));
        assertThat(((Decision.Retry) retry).attempt()).isEqualTo(3);
    }

    @Test
    void backoffDoublesPerAttemptUpToAnHour() {
        AnalysisTaskSpec spec = spec();
        spec.setBackoffSeconds(30);
        assertThat(TaskLifecycle.backoff(spec, 1)).hasSeconds(30);
        assertThat(TaskLifecycle.backoff(spec, 2)).hasSeconds(60);
        assertThat(TaskLifecycle.backoff(spec, 3)).hasSeconds(120);
        assertThat(TaskLifecycle.backoff(spec, 15)).hasSeconds(3600);
    }

    @Test
    void theTaskFailsWhenItsRetriesAreUsedUp() {
        AnalysisTaskSpec spec = spec();
        spec.setMaxRetries(3);
        assertThat(TaskLifecycle.decide(observe(spec, TaskPhase.RUNNING, Map.of(),
                new RunState.Failed(4, T0, T1, "BackoffLimitExceeded", "exit code 75: database unreachable"))))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, "RetriesExhausted",
                        "4 attempts failed; the last: exit code 75: database unreachable", false));
    }

    @Test
    void theDeadlineCountsRetriesToo() {
        AnalysisTaskSpec spec = spec();
        spec.setDeadlineSeconds(600);
        RunState.Failed failed = new RunState.Failed(1, T0, T0.plusSeconds(590), "BackoffLimitExceeded", "exit 75");
        assertThat(TaskLifecycle.decide(observe(spec, TaskPhase.RUNNING, Map.of(), failed, T0.plusSeconds(600))))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, "DeadlineExceeded",
                        "the deadline of 600 s passed before the next attempt; the last: exit 75", false));
        assertThat(TaskLifecycle.remainingDeadline(spec, T0, T0.plusSeconds(100))).contains(Duration.ofSeconds(500));
        assertThat(TaskLifecycle.decide(observe(spec, TaskPhase.RUNNING, Map.of(),
                new RunState.Failed(1, T0, T1, "DeadlineExceeded", "Job was active longer than specified deadline"))))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, "DeadlineExceeded",
                        "Job was active longer than specified deadline", false));
    }

    @Test
    void cancellingDuringTheBackoffEndsTheTaskWithoutAnotherAttempt() {
        AnalysisTaskSpec spec = spec();
        spec.setCancel(true);
        assertThat(TaskLifecycle.decide(observe(spec, TaskPhase.RUNNING, Map.of(),
                new RunState.Failed(1, T0, T1, "BackoffLimitExceeded", "exit 75"))))
                .isEqualTo(new Decision.Finish(TaskPhase.CANCELLED, "Cancelled", "cancelled between attempts", false));
    }

    @Test
    void theInvalidParametersExitFailsTheTaskAsInvalidParameters() {
        assertThat(TaskLifecycle.decide(observe(spec(), TaskPhase.RUNNING, Map.of(),
                new RunState.Failed(1, T0, T1, "PodFailurePolicy", "spec.params.k: must be at least 1"))))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, TaskLifecycle.INVALID_PARAMETERS,
                        "spec.params.k: must be at least 1", false));
    }

    @Test
    void cancellingARunningTaskStopsItsRun() {
        AnalysisTaskSpec spec = spec();
        spec.setCancel(true);
        assertThat(TaskLifecycle.decide(observe(spec, TaskPhase.RUNNING, Map.of(), new RunState.Active(1, T0))))
                .isEqualTo(new Decision.Finish(TaskPhase.CANCELLED, "Cancelled",
                        "cancelled while running; the run is stopped", true));
    }

    @Test
    void cancellingAWaitingTaskEndsItWithoutARun() {
        AnalysisTaskSpec spec = spec("outliers");
        spec.setCancel(true);
        assertThat(TaskLifecycle.decide(observe(spec, TaskPhase.WAITING, Map.of(), NOT_STARTED)))
                .isEqualTo(new Decision.Finish(TaskPhase.CANCELLED, "Cancelled", "cancelled before it started", false));
    }

    @Test
    void aRunThatFinishedBeforeTheCancelWasSeenKeepsItsResult() {
        AnalysisTaskSpec spec = spec();
        spec.setCancel(true);
        assertThat(TaskLifecycle.decide(observe(spec, TaskPhase.RUNNING, Map.of(),
                new RunState.Succeeded(1, T0, T1))).phase()).isEqualTo(TaskPhase.SUCCEEDED);
    }

    @Test
    void finishedTasksNeverChange() {
        for (TaskPhase finished : List.of(TaskPhase.SUCCEEDED, TaskPhase.FAILED, TaskPhase.CANCELLED)) {
            AnalysisTaskSpec spec = spec();
            spec.setCancel(true);
            assertThat(TaskLifecycle.decide(observe(spec, finished, Map.of(), NOT_STARTED)))
                    .isEqualTo(new Decision.Keep(finished));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TaskPhase.class, names = {"RUNNING", "RETRYING"})
    void aRunThatDisappearedWhileRunningOrBetweenAttemptsFailsTheTask(TaskPhase phase) {
        assertThat(TaskLifecycle.decide(observe(spec(), phase, Map.of(), NOT_STARTED)))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, "RunLost",
                        "the task's run disappeared before it finished", false));
    }

    @Test
    void invalidParametersFailTheTaskBeforeAnyRunNamingTheField() {
        AnalysisTaskSpec spec = spec();
        spec.setParams(Map.of("distThresholdMeters", 0));
        assertThat(TaskLifecycle.decide(observe(spec, null, Map.of(), NOT_STARTED)))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, "InvalidSpec",
                        "spec.params.distThresholdMeters: must be between 1 and 5000 m, got 0", false));
    }

    /** A task admitted under an older CRD with resources Kubernetes would refuse fails before any Job is built. */
    @Test
    void resourcesKubernetesWouldRefuseAreAnInvalidSpec() {
        AnalysisTaskSpec spec = spec();
        spec.setResources(new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("2"))
                .addToLimits("cpu", new Quantity("1")).build());
        assertThat(TaskLifecycle.decide(observe(spec, null, Map.of(), NOT_STARTED)))
                .isEqualTo(new Decision.Finish(TaskPhase.FAILED, "InvalidSpec",
                        "spec.resources.requests.cpu: must be at most the limit of cpu (1), got 2", false));
    }

    @Test
    void aDependencyCycleAcrossTasksIsAnInvalidSpec() {
        Map<String, List<String>> graph = new HashMap<>();
        graph.put("task", List.of("b"));
        graph.put("b", List.of("c"));
        graph.put("c", List.of("task"));
        Observation observation = new Observation("task", spec("b"), null,
                Map.of("b", TaskPhase.WAITING), graph, NOT_STARTED, T1);
        assertThat(TaskLifecycle.decide(observation)).isEqualTo(new Decision.Finish(TaskPhase.FAILED,
                "InvalidSpec", "spec.dependsOn: dependency cycle task -> b -> c -> task", false));
    }

    private static Observation observe(AnalysisTaskSpec spec, TaskPhase phase, Map<String, TaskPhase> dependencies,
            RunState run) {
        return observe(spec, phase, dependencies, run, T1);
    }

    private static Observation observe(AnalysisTaskSpec spec, TaskPhase phase, Map<String, TaskPhase> dependencies,
            RunState run, Instant now) {
        return new Observation("task", spec, phase, dependencies, Map.of("task", spec.getDependsOn()), run, now);
    }

    private static AnalysisTaskSpec spec(String... dependsOn) {
        AnalysisTaskSpec spec = new AnalysisTaskSpec();
        spec.setSkill(Skill.STAY_DETECTION);
        spec.setDependsOn(List.of(dependsOn));
        return spec;
    }
}
