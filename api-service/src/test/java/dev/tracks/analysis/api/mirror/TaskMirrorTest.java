package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskLabels;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TaskScope;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tracks.analysis.api.mirror.MirrorFixtures.NS;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.OPERATOR;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.WORKER;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.awaitRow;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.operatorStatus;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.row;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.uid;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.unique;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.synthetic;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.workerProgress;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The status mirror against the real API server and PostgreSQL: status written with server-side apply as the
 * operator and the worker appears in analysis_tasks, record() mirrors at once, and versions are ordered.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class TaskMirrorTest {

    @Inject
    KubernetesClient client;

    @Inject
    TaskMirror mirror;

    MirrorFixtures tasks;

    @BeforeEach
    void fixtures() {
        tasks = new MirrorFixtures(client);
    }

    @Test
    void followsStatusWrittenByTheOperatorAndTheWorker() {
        AnalysisTask created = tasks.create(unique("stays"), task -> {
            task.getSpec().setMode(TaskMode.FULL_RECOMPUTE);
            task.getSpec().setPriority(5);
            task.getSpec().setParams(Map.of("distThresholdMeters", 150));
            TaskScope scope = new TaskScope();
            scope.setUserIds(List.of("020"));
            scope.setFrom("2026-01-01T00:00:00Z");
            task.getSpec().setScope(scope);
            task.getMetadata().setLabels(Map.of(TaskLabels.CHAIN, "chain-7"));
            task.getMetadata().setAnnotations(Map.of(TaskLabels.CREATED_BY, "token:ci"));
        });
        UUID uid = uid(created);
        MirroredTask pending = awaitRow(uid, row -> assertThat(row.status).isEqualTo(TaskPhase.PENDING));
        assertThat(pending.namespace).isEqualTo(NS);
        assertThat(pending.name).isEqualTo(created.getMetadata().getName());
        assertThat(pending.skillName).isEqualTo("stay_detection");
        assertThat(pending.taskType).isEqualTo("FULL_RECOMPUTE");
        assertThat(pending.priority).isEqualTo(5);
        assertThat(pending.params).containsEntry("distThresholdMeters", 150);
        assertThat(pending.scope).containsEntry("userIds", List.of("020")).containsEntry("from",
                "2026-01-01T00:00:00Z");
        assertThat(pending.chainId).isEqualTo("chain-7");
        assertThat(pending.createdBy).isEqualTo("token:ci");
        assertThat(pending.generation).isEqualTo(1L);
        assertThat(pending.createdAt).isEqualTo(OffsetDateTime.parse(created.getMetadata().getCreationTimestamp()));
        assertThat(pending.dependsOn).isEmpty();

        String name = created.getMetadata().getName();
        tasks.applyStatus(name, operatorStatus(name, TaskPhase.RUNNING, null, null), OPERATOR);
        tasks.applyStatus(name, workerProgress(1000, 250, 25.0), WORKER);
        MirroredTask running = awaitRow(uid, row -> {
            assertThat(row.status).isEqualTo(TaskPhase.RUNNING);
            assertThat(row.processedPoints).isEqualTo(250L);
        });
        assertThat(running.attempts).isEqualTo(1);
        assertThat(running.jobName).isEqualTo("job-" + name);
        assertThat(running.startTime).isEqualTo(OffsetDateTime.parse("2026-03-01T10:00:00Z"));
        assertThat(running.totalPoints).isEqualTo(1000L);
        assertThat(running.failedPoints).isEqualTo(2L);
        assertThat(running.progressPercent).isEqualTo(25.0);
        assertThat(running.pointsPerSecond).isEqualTo(50.0);
        assertThat(running.etaSeconds).isEqualTo(15L);
        assertThat(running.endTime).isNull();

        AnalysisTaskStatus finished = workerProgress(1000, 1000, 100.0);
        finished.setResultSummary(Map.of("stays", 12));
        tasks.applyStatus(name, finished, WORKER);
        tasks.applyStatus(name, operatorStatus(name, TaskPhase.SUCCEEDED, "2026-03-01T10:05:00Z", "done"), OPERATOR);
        MirroredTask succeeded = awaitRow(uid, row -> {
            assertThat(row.status).isEqualTo(TaskPhase.SUCCEEDED);
            assertThat(row.resultSummary).containsEntry("stays", 12);
        });
        assertThat(succeeded.progressPercent).isEqualTo(100.0);
        assertThat(succeeded.endTime).isEqualTo(OffsetDateTime.parse("2026-03-01T10:05:00Z"));
        assertThat(succeeded.errorMessage).as("the message of a success is no error").isNull();
        assertThat(succeeded.resourceVersion).isEqualTo(tasks.current(name).getMetadata().getResourceVersion());
    }

    @Test
    void errorMessageIsTheMessageOfAFailedOrCancelledTask() {
        String name = unique("failing");
        UUID uid = uid(tasks.create(name, task -> { }));
        tasks.applyStatus(name, operatorStatus(name, TaskPhase.QUEUED, null, "position 3 in the queue"), OPERATOR);
        awaitRow(uid, row -> {
            assertThat(row.status).isEqualTo(TaskPhase.QUEUED);
            assertThat(row.errorMessage).isNull();
        });
        tasks.applyStatus(name, operatorStatus(name, TaskPhase.FAILED, "2026-03-01T10:01:00Z",
                "worker exited with code 1"), OPERATOR);
        awaitRow(uid, row -> {
            assertThat(row.status).isEqualTo(TaskPhase.FAILED);
            assertThat(row.errorMessage).isEqualTo("worker exited with code 1");
        });
    }

    @Test
    void recordMirrorsAtOnceAndTheInformerAddsNoSecondRow() {
        AnalysisTask created = tasks.create(unique("recorded"), task -> { });
        Long id = mirror.record(created);

        assertThat(row(uid(created)).id).isEqualTo(id);
        assertThat(mirror.idOf(uid(created))).contains(id);
        assertThat(mirror.idOf(UUID.randomUUID())).isEmpty();
        String name = created.getMetadata().getName();
        tasks.applyStatus(name, operatorStatus(name, TaskPhase.RUNNING, null, null), OPERATOR);
        awaitRow(uid(created), row -> assertThat(row.status).isEqualTo(TaskPhase.RUNNING));
        long rows = QuarkusTransaction.requiringNew().call(() -> MirroredTask.count("name", name));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void anOlderResourceVersionIsNotAppliedOverANewerOne() {
        String name = unique("ordered");
        AnalysisTask created = tasks.create(name, task -> { });
        tasks.applyStatus(name, operatorStatus(name, TaskPhase.RUNNING, null, null), OPERATOR);
        String newer = tasks.current(name).getMetadata().getResourceVersion();
        awaitRow(uid(created), row -> assertThat(row.resourceVersion).isEqualTo(newer));

        mirror.record(created);

        MirroredTask row = row(uid(created));
        assertThat(row.resourceVersion).isEqualTo(newer);
        assertThat(row.status).isEqualTo(TaskPhase.RUNNING);
    }

    /** Resource versions are compared as numbers ("1000" is newer than "999"), never as text. */
    @Test
    void resourceVersionsCompareAsNumbers() {
        UUID uid = UUID.randomUUID();
        mirror.record(synthetic(uid, "999", TaskPhase.RUNNING));
        mirror.record(synthetic(uid, "1000", TaskPhase.SUCCEEDED));
        mirror.record(synthetic(uid, "998", TaskPhase.FAILED));
        mirror.record(synthetic(uid, "1000", TaskPhase.CANCELLED));

        MirroredTask row = row(uid);
        assertThat(row.resourceVersion).isEqualTo("1000");
        assertThat(row.status).isEqualTo(TaskPhase.SUCCEEDED);
    }

    @Test
    void metricsCountEventsAndLag() {
        AnalysisTask created = tasks.create(unique("metered"), task -> { });
        awaitRow(uid(created), row -> { });
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("tracks_mirror_events_total{type=\"added\"}"))
                .body(containsString("tracks_mirror_lag_seconds_count"))
                .body(containsString("tracks_mirror_pending"));
    }
}
