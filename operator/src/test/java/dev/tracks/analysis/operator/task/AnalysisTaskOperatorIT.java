package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import dev.tracks.analysis.controlplane.TestNamespace;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.operator.job.WorkerJobs;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TaskProgress;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged operator on the real control plane: the Job controller, scheduler and node agent run the stand-in
 * worker's processes, so tasks really run, fail, retry and get cancelled.
 */
@RealKubernetes(workloads = true)
class AnalysisTaskOperatorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static OperatorProcess operator;

    private final KubernetesClient client;
    private String namespace;

    AnalysisTaskOperatorIT(KubernetesClient client) {
        this.client = client;
    }

    @BeforeAll
    static void startOperator(ControlPlane controlPlane) {
        controlPlane.applyTaskCrd();
        operator = OperatorProcess.start(controlPlane, "operator-1", Map.of("TRACKS_OPERATOR_MAX_RUNNING", "3"));
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
    }

    @BeforeEach
    void useNamespace(TestNamespace testNamespace) {
        namespace = testNamespace.name();
        // The worker Jobs take the database settings from this Secret (the stand-in ignores them).
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("tracks-db")
                .endMetadata().addToStringData(Map.of("url", "jdbc:postgresql://db/tracks", "user", "tracks",
                        "password", "secret")).build()).create();
    }

    @Test
    void aChainRunsInDependencyOrderWithIndependentBranchesSideBySide() {
        create("outliers", Skill.OUTLIER_DETECTION);
        create("stays", Skill.STAY_DETECTION, "outliers");
        create("grid", Skill.GRID_SYSTEM, "outliers");
        create("footprint", Skill.FOOTPRINT_STATS, "stays", "grid");

        AnalysisTask footprint = awaitPhase("footprint", TaskPhase.SUCCEEDED);
        AnalysisTask outliers = task("outliers");
        AnalysisTask stays = task("stays");
        AnalysisTask grid = task("grid");
        assertThat(List.of(outliers, stays, grid)).allSatisfy(t ->
                assertThat(t.getStatus().getPhase()).isEqualTo(TaskPhase.SUCCEEDED));
        assertThat(started(stays)).isAfterOrEqualTo(finished(outliers));
        assertThat(started(grid)).isAfterOrEqualTo(finished(outliers));
        assertThat(started(footprint)).isAfterOrEqualTo(finished(stays)).isAfterOrEqualTo(finished(grid));
        assertThat(footprint.getStatus().getConditions()).filteredOn(c -> c.getType().equals(StatusReport.COMPLETE))
                .singleElement().satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo("True");
                    assertThat(c.getReason()).isEqualTo("Succeeded");
                    assertThat(c.getObservedGeneration()).isEqualTo(footprint.getMetadata().getGeneration());
                });
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(client.v1().events().inNamespace(namespace).list()
                .getItems()).filteredOn(e -> "footprint".equals(e.getInvolvedObject().getName()))
                .extracting(e -> e.getReason()).as("no Event for waiting: that is in the status")
                .containsOnly("Running", "Succeeded"));
    }

    @Test
    void aFailingTaskIsRetriedThenFailsItsDependentsWithoutJobs() {
        AnalysisTask failing = spec("fail-outliers", Skill.OUTLIER_DETECTION);
        failing.getSpec().setMaxRetries(1);
        failing.getSpec().setBackoffSeconds(3);
        client.resource(failing).create();
        create("stays", Skill.STAY_DETECTION, "fail-outliers");

        AnalysisTask retrying = awaitPhase("fail-outliers", TaskPhase.RETRYING);
        assertThat(retrying.getStatus().getLastFailure().getAttempt()).isEqualTo(1);
        assertThat(retrying.getStatus().getLastFailure().getMessage()).contains("database unreachable");
        assertThat(retrying.getStatus().getMessage()).startsWith("attempt 1 failed (exit code 75")
                .contains("attempt 2 starts at");

        AnalysisTask failed = awaitPhase("fail-outliers", TaskPhase.FAILED);
        assertThat(failed.getStatus().getAttempts()).isEqualTo(2);
        assertThat(failed.getStatus().getLastFailure().getAttempt()).isEqualTo(2);
        assertThat(completeReason(failed)).isEqualTo("RetriesExhausted");
        assertThat(failed.getStatus().getMessage()).startsWith("2 attempts failed; the last: exit code 75")
                .contains("database unreachable");
        assertThat(jobsOf("fail-outliers")).hasSize(2);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(client.v1().events().inNamespace(namespace).list()
                .getItems()).filteredOn(e -> "fail-outliers".equals(e.getInvolvedObject().getName()))
                .extracting(e -> e.getType() + " " + e.getReason())
                .containsExactlyInAnyOrder("Normal Running", "Warning AttemptFailed", "Normal Retrying",
                        "Warning Failed"));
        Instant firstFailed = Instant.parse(jobsOf("fail-outliers").stream()
                .filter(job -> "1".equals(job.getMetadata().getLabels().get(WorkerJobs.ATTEMPT_LABEL))).findFirst()
                .orElseThrow().getStatus().getConditions().stream().filter(c -> "Failed".equals(c.getType()))
                .findFirst().orElseThrow().getLastTransitionTime());
        Instant secondCreated = Instant.parse(jobsOf("fail-outliers").stream()
                .filter(job -> "2".equals(job.getMetadata().getLabels().get(WorkerJobs.ATTEMPT_LABEL))).findFirst()
                .orElseThrow().getMetadata().getCreationTimestamp());
        assertThat(Duration.between(firstFailed, secondCreated)).as("spec.backoffSeconds before the retry")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));

        AnalysisTask dependent = awaitPhase("stays", TaskPhase.FAILED);
        assertThat(completeReason(dependent)).isEqualTo("DependencyFailed");
        assertThat(dependent.getStatus().getMessage()).isEqualTo("dependency fail-outliers ended Failed");
        assertThat(jobsOf("stays")).isEmpty();
    }

    @Test
    void theInvalidParametersExitIsNotRetried() {
        AnalysisTask invalid = spec("invalid-params", Skill.GRID_SYSTEM);
        invalid.getSpec().setMaxRetries(3);
        client.resource(invalid).create();

        AnalysisTask failed = awaitPhase("invalid-params", TaskPhase.FAILED);
        assertThat(completeReason(failed)).isEqualTo("InvalidParameters");
        assertThat(failed.getStatus().getAttempts()).isEqualTo(1);
        assertThat(failed.getStatus().getMessage()).contains("spec.params.k: must be at least 1");
    }

    @Test
    void cancelStopsARunningTaskAndTheWorkersProgressSurvivesTheOperatorsUpdates() {
        create("sleep-long", Skill.GRID_SYSTEM);
        awaitPhase("sleep-long", TaskPhase.RUNNING);
        await().atMost(TIMEOUT).until(() -> !pods("sleep-long").isEmpty()
                && pods("sleep-long").stream().allMatch(p -> "Running".equals(p.getStatus().getPhase())));

        TaskProgress progress = new TaskProgress();
        progress.setTotalPoints(1000L);
        progress.setProcessedPoints(400L);
        progress.setPercent(40.0);
        AnalysisTaskStatus workerStatus = new AnalysisTaskStatus();
        workerStatus.setProgress(progress);
        TestTasks.applyStatus(client, namespace, "sleep-long", workerStatus, "tracks-worker");

        client.resources(AnalysisTask.class).inNamespace(namespace).withName("sleep-long")
                .edit(t -> {
                    t.getSpec().setCancel(true);
                    return t;
                });

        AnalysisTask cancelled = awaitPhase("sleep-long", TaskPhase.CANCELLED);
        assertThat(completeReason(cancelled)).isEqualTo("Cancelled");
        assertThat(cancelled.getStatus().getProgress().getProcessedPoints()).isEqualTo(400L);
        await().atMost(TIMEOUT).until(() -> jobsOf("sleep-long").isEmpty() && pods("sleep-long").isEmpty());
    }

    @Test
    void aWaitingTaskThatIsCancelledEndsWithoutAJob() {
        create("stays", Skill.STAY_DETECTION, "not-there-yet");
        AnalysisTask waiting = awaitPhase("stays", TaskPhase.WAITING);
        assertThat(waiting.getStatus().getMessage()).isEqualTo("no AnalysisTask named not-there-yet in this namespace");

        client.resources(AnalysisTask.class).inNamespace(namespace).withName("stays").edit(t -> {
            t.getSpec().setCancel(true);
            return t;
        });
        assertThat(awaitPhase("stays", TaskPhase.CANCELLED).getStatus().getMessage())
                .isEqualTo("cancelled before it started");
        assertThat(jobsOf("stays")).isEmpty();
    }

    @Test
    void aReconcileThatFailsLeavesItsReasonInTheStatusUntilOneSucceeds() {
        // The API server refuses every Job made in this namespace (an admission policy), so the reconcile that
        // would start the task throws.
        String policy = "refuse-jobs-" + namespace;
        client.resource("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata: {name: %1$s}
                spec:
                  failurePolicy: Fail
                  matchConstraints:
                    resourceRules:
                    - {apiGroups: [batch], apiVersions: [v1], operations: [CREATE], resources: [jobs]}
                  validations:
                  - {expression: "false", message: "no Jobs in %2$s"}
                """.formatted(policy, namespace)).create();
        client.resource("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicyBinding
                metadata: {name: %1$s}
                spec:
                  policyName: %1$s
                  validationActions: [Deny]
                  matchResources:
                    namespaceSelector:
                      matchLabels: {kubernetes.io/metadata.name: %2$s}
                """.formatted(policy, namespace)).create();
        try {
            await().atMost(TIMEOUT).until(() -> refusesJobs(policy));
            create("outliers", Skill.OUTLIER_DETECTION);

            AnalysisTask refused = client.resources(AnalysisTask.class).inNamespace(namespace).withName("outliers")
                    .waitUntilCondition(t -> t != null && reconciled(t) != null, TIMEOUT.toSeconds(),
                            java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reconciled(refused).getStatus()).isEqualTo("False");
            assertThat(reconciled(refused).getReason()).isEqualTo("ReconcileFailed");
            assertThat(reconciled(refused).getMessage()).contains(policy, "no Jobs in " + namespace);
            assertThat(jobsOf("outliers")).isEmpty();
        } finally {
            client.admissionRegistration().v1().validatingAdmissionPolicyBindings().withName(policy).delete();
            client.admissionRegistration().v1().validatingAdmissionPolicies().withName(policy).delete();
        }
        AnalysisTask succeeded = awaitPhase("outliers", TaskPhase.SUCCEEDED);
        assertThat(succeeded.getStatus().getConditions()).extracting(Condition::getType)
                .as("a reconcile that succeeds drops the failure").doesNotContain(StatusReport.RECONCILED);
        assertThat(jobsOf("outliers")).hasSize(1);
    }

    /** Whether {@code policy} refuses a Job in the namespace now (admission policies take effect within seconds). */
    private boolean refusesJobs(String policy) {
        try {
            client.batch().v1().jobs().inNamespace(namespace).resource(new JobBuilder().withNewMetadata()
                    .withName("probe").endMetadata().withNewSpec().withNewTemplate().withNewSpec()
                    .withRestartPolicy("Never").addNewContainer().withName("probe").withImage("probe").endContainer()
                    .endSpec().endTemplate().endSpec().build()).dryRun().create();
            return false;
        } catch (KubernetesClientException e) {
            return e.getMessage().contains(policy);
        }
    }

    @Test
    void parametersTheCatalogRejectsFailTheTaskAsInvalidSpec() {
        AnalysisTask task = spec("stays", Skill.STAY_DETECTION);
        task.getSpec().setParams(Map.of("radius", 100));
        client.resource(task).create();
        AnalysisTask failed = awaitPhase("stays", TaskPhase.FAILED);
        assertThat(completeReason(failed)).isEqualTo("InvalidSpec");
        assertThat(failed.getStatus().getMessage())
                .startsWith("spec.params.radius: is not a parameter of stay_detection");
        assertThat(jobsOf("stays")).isEmpty();
    }

    @Test
    void theConcurrencyLimitHoldsAndTheHighestPriorityIsAdmittedFirst() {
        for (String name : List.of("sleep-a", "sleep-b", "sleep-c")) {
            create(name, Skill.GRID_SYSTEM);
            awaitPhase(name, TaskPhase.RUNNING);
        }
        AnalysisTask low = spec("sleep-low", Skill.GRID_SYSTEM);
        client.resource(low).create();
        AnalysisTask high = spec("sleep-high", Skill.GRID_SYSTEM);
        high.getSpec().setPriority(10);
        client.resource(high).create();

        assertThat(awaitMessage("sleep-high", "waiting for a free slot: position 1 in the queue").getStatus()
                .getPhase()).isEqualTo(TaskPhase.QUEUED);
        assertThat(awaitMessage("sleep-low", "waiting for a free slot: position 2 in the queue").getStatus()
                .getPhase()).isEqualTo(TaskPhase.QUEUED);

        cancel("sleep-a");
        awaitPhase("sleep-high", TaskPhase.RUNNING);
        assertThat(awaitMessage("sleep-low", "waiting for a free slot: position 1 in the queue").getStatus()
                .getPhase()).isEqualTo(TaskPhase.QUEUED);
        assertThat(client.resources(AnalysisTask.class).inNamespace(namespace).list().getItems().stream()
                .filter(t -> t.getStatus().getPhase() == TaskPhase.RUNNING)).hasSize(3);

        List.of("sleep-b", "sleep-c", "sleep-high", "sleep-low").forEach(this::cancel);
        List.of("sleep-b", "sleep-c", "sleep-high", "sleep-low").forEach(t -> awaitPhase(t, TaskPhase.CANCELLED));
    }

    @Test
    void restartingTheOperatorMidRunCreatesNoSecondJobAndTheTaskCompletes(ControlPlane controlPlane) {
        create("done-before", Skill.GRID_SYSTEM);
        AnalysisTask doneBefore = awaitPhase("done-before", TaskPhase.SUCCEEDED);
        create("slow-restart", Skill.GRID_SYSTEM);
        awaitPhase("slow-restart", TaskPhase.RUNNING);
        operator.kill();
        operator = OperatorProcess.start(controlPlane, "operator-restarted",
                Map.of("TRACKS_OPERATOR_MAX_RUNNING", "3"));

        AnalysisTask done = awaitPhase("slow-restart", TaskPhase.SUCCEEDED);
        assertThat(done.getStatus().getAttempts()).isEqualTo(1);
        assertThat(jobsOf("slow-restart")).singleElement()
                .satisfies(job -> assertThat(job.getStatus().getSucceeded()).isEqualTo(1));
        assertThat(pods("slow-restart")).hasSize(1);
        assertThat(task("done-before").getMetadata().getResourceVersion())
                .as("the new operator reconciled the finished task and left its status as it was")
                .isEqualTo(doneBefore.getMetadata().getResourceVersion());
    }

    @Test
    void aStandbyReplicaTakesOverWhenTheLeaderDies(ControlPlane controlPlane) {
        String leader = leaseHolder();
        OperatorProcess standby = OperatorProcess.start(controlPlane, "operator-standby",
                Map.of("TRACKS_OPERATOR_MAX_RUNNING", "3"));
        create("before-failover", Skill.GRID_SYSTEM);
        awaitPhase("before-failover", TaskPhase.SUCCEEDED);
        assertThat(leaseHolder()).as("the first replica still leads").isEqualTo(leader);

        operator.kill();
        operator = standby;
        create("after-failover", Skill.GRID_SYSTEM);

        awaitPhase("after-failover", TaskPhase.SUCCEEDED);
        assertThat(leaseHolder()).isEqualTo("operator-standby");
        assertThat(jobsOf("after-failover")).hasSize(1);
    }

    @Test
    void deletingATaskRemovesItsJobPodsAndProcesses(ControlPlane controlPlane) {
        create("sleep-deleted", Skill.GRID_SYSTEM);
        await().atMost(TIMEOUT).until(() -> pods("sleep-deleted").stream()
                .anyMatch(p -> "Running".equals(p.getStatus().getPhase())));
        String pod = pods("sleep-deleted").get(0).getMetadata().getName();
        ProcessHandle worker = controlPlane.nodeAgent().process(namespace, pod, WorkerJobs.CONTAINER).orElseThrow();

        client.resources(AnalysisTask.class).inNamespace(namespace).withName("sleep-deleted").delete();

        await().atMost(TIMEOUT).until(() -> jobsOf("sleep-deleted").isEmpty() && pods("sleep-deleted").isEmpty());
        await().atMost(Duration.ofSeconds(15)).until(() -> !worker.isAlive());
    }

    @Test
    void healthIsReadyAndMetricsHaveLowCardinality() throws Exception {
        create("metered", Skill.GRID_SYSTEM);
        awaitPhase("metered", TaskPhase.SUCCEEDED);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(TIMEOUT).until(() -> http.send(HttpRequest.newBuilder(operator.uri("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

        String metrics = http.send(HttpRequest.newBuilder(operator.uri("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("tracks_tasks{phase=\"succeeded\"}", "tracks_tasks_queue_length",
                "tracks_tasks_admissions_total");
        assertThat(metrics.lines().filter(line -> line.startsWith("tracks_")))
                .as("no task name in any label").noneMatch(line -> line.contains("metered"));
    }

    private String leaseHolder() {
        return client.leases().inNamespace(OperatorProcess.LEASE_NAMESPACE).withName("tracks-operator").get()
                .getSpec().getHolderIdentity();
    }

    /**
     * A merge patch, as kubectl and the admin API cancel: an edit() would send the resourceVersion it read and fail
     * with a conflict when the operator updated the status meanwhile.
     */
    private void cancel(String name) {
        client.resources(AnalysisTask.class).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}");
    }

    private AnalysisTask awaitMessage(String name, String message) {
        return client.resources(AnalysisTask.class).inNamespace(namespace).withName(name).waitUntilCondition(
                t -> t != null && t.getStatus() != null && message.equals(t.getStatus().getMessage()),
                TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    private void create(String name, Skill skill, String... dependsOn) {
        AnalysisTask task = spec(name, skill);
        task.getSpec().setDependsOn(List.of(dependsOn));
        client.resource(task).create();
    }

    private AnalysisTask spec(String name, Skill skill) {
        return TestTasks.task(namespace, name, skill);
    }

    private AnalysisTask awaitPhase(String name, TaskPhase phase) {
        Predicate<AnalysisTask> inPhase = t -> t != null && t.getStatus() != null && t.getStatus().getPhase() == phase;
        return client.resources(AnalysisTask.class).inNamespace(namespace).withName(name)
                .waitUntilCondition(inPhase, TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    private AnalysisTask task(String name) {
        return client.resources(AnalysisTask.class).inNamespace(namespace).withName(name).get();
    }

    private List<Job> jobsOf(String task) {
        return client.batch().v1().jobs().inNamespace(namespace).withLabel(WorkerJobs.TASK_LABEL, task).list()
                .getItems();
    }

    private List<io.fabric8.kubernetes.api.model.Pod> pods(String task) {
        return client.pods().inNamespace(namespace).withLabel(WorkerJobs.TASK_LABEL, task).list().getItems();
    }

    private static Condition reconciled(AnalysisTask task) {
        return task.getStatus() == null || task.getStatus().getConditions() == null ? null
                : task.getStatus().getConditions().stream().filter(c -> c.getType().equals(StatusReport.RECONCILED))
                .findFirst().orElse(null);
    }

    private static String completeReason(AnalysisTask task) {
        return task.getStatus().getConditions().stream().filter(c -> c.getType().equals(StatusReport.COMPLETE))
                .map(Condition::getReason).findFirst().orElse(null);
    }

    private static Instant started(AnalysisTask task) {
        return Instant.parse(task.getStatus().getStartTime());
    }

    private static Instant finished(AnalysisTask task) {
        return Instant.parse(task.getStatus().getCompletionTime());
    }
}
