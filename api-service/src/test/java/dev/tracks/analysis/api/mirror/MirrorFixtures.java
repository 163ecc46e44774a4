package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TaskProgress;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * AnalysisTasks on the test API server, status written as the operator and the worker write it, and their rows in
 * analysis_tasks, for the mirror tests.
 */
final class MirrorFixtures {

    static final String NS = ApiTestEnvironment.NAMESPACE;
    static final String OPERATOR = "tracks-operator";
    static final String WORKER = "tracks-worker";
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final KubernetesClient client;

    MirrorFixtures(KubernetesClient client) {
        this.client = client;
    }

    AnalysisTask create(String name, Consumer<AnalysisTask> customize) {
        AnalysisTask task = TestTasks.task(NS, name, Skill.STAY_DETECTION);
        customize.accept(task);
        return client.resource(task).create();
    }

    AnalysisTask current(String name) {
        return client.resources(AnalysisTask.class).inNamespace(NS).withName(name).get();
    }

    void delete(String name) {
        client.resources(AnalysisTask.class).inNamespace(NS).withName(name).delete();
    }

    void applyStatus(String name, AnalysisTaskStatus status, String fieldManager) {
        TestTasks.applyStatus(client, NS, name, status, fieldManager);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** All fields the operator owns (server-side apply removes the ones a manager stops sending). */
    static AnalysisTaskStatus operatorStatus(String name, TaskPhase phase, String completionTime,
            String message) {
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setPhase(phase);
        status.setAttempts(1);
        status.setJobName("job-" + name);
        status.setStartTime("2026-03-01T10:00:00Z");
        status.setCompletionTime(completionTime);
        status.setMessage(message);
        return status;
    }

    static AnalysisTaskStatus workerProgress(long total, long processed, double percent) {
        TaskProgress progress = new TaskProgress();
        progress.setTotalPoints(total);
        progress.setProcessedPoints(processed);
        progress.setFailedPoints(2L);
        progress.setPercent(percent);
        progress.setPointsPerSecond(50.0);
        progress.setEtaSeconds((total - processed) / 50);
        progress.setUpdatedAt(OffsetDateTime.now().toString());
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setProgress(progress);
        return status;
    }

    /** A task that never existed in Kubernetes, in a namespace nobody watches, with a made-up version. */
    static AnalysisTask synthetic(UUID uid, String resourceVersion, TaskPhase phase) {
        AnalysisTask task = TestTasks.task("mirror-ordering", "synthetic", Skill.STAY_DETECTION);
        task.getMetadata().setUid(uid.toString());
        task.getMetadata().setResourceVersion(resourceVersion);
        task.setStatus(new AnalysisTaskStatus());
        task.getStatus().setPhase(phase);
        return task;
    }

    static UUID uid(AnalysisTask task) {
        return UUID.fromString(task.getMetadata().getUid());
    }

    static MirroredTask row(UUID uid) {
        return QuarkusTransaction.requiringNew().call(() -> MirroredTask.<MirroredTask>find("uid", uid)
                .firstResult());
    }

    /** The row once it exists and passes {@code check}. */
    static MirroredTask awaitRow(UUID uid, Consumer<MirroredTask> check) {
        AtomicReference<MirroredTask> passed = new AtomicReference<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            MirroredTask row = row(uid);
            assertThat(row).as("row of %s", uid).isNotNull();
            check.accept(row);
            passed.set(row);
        });
        return passed.get();
    }
}
