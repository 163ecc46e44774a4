package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.task.TaskPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tracks.analysis.api.mirror.MirrorFixtures.OPERATOR;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.WORKER;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.awaitRow;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.operatorStatus;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.row;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.uid;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.unique;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.workerProgress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mirror keeps over time: dependency ids both ways as tasks come and go, rows of deleted resources, new rows
 * for re-created names, and everything that changed while the mirror was stopped.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class TaskMirrorHistoryTest {

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
    void dependencyIdsAreKeptBothWays() {
        String a = unique("dep-a");
        String b = unique("dep-b");
        String c = unique("dep-c");
        UUID uidA = uid(tasks.create(a, task -> { }));
        UUID uidB = uid(tasks.create(b, task -> task.getSpec().setDependsOn(List.of(a, c))));
        long idA = awaitRow(uidA, row -> { }).id;
        long idB = awaitRow(uidB, row -> assertThat(row.dependsOnTaskIds).containsExactly(idA)).id;
        awaitRow(uidA, row -> assertThat(row.blocksTaskIds).containsExactly(idB));

        UUID uidC = uid(tasks.create(c, task -> { }));
        long idC = awaitRow(uidC, row -> assertThat(row.blocksTaskIds).containsExactly(idB)).id;
        awaitRow(uidB, row -> {
            assertThat(row.dependsOn).containsExactly(a, c);
            assertThat(row.dependsOnTaskIds).containsExactly(idA, idC);
            assertThat(row.blocksTaskIds).isEmpty();
        });

        tasks.delete(a);
        awaitRow(uidB, row -> assertThat(row.dependsOnTaskIds).containsExactly(idC));
        MirroredTask deletedA = row(uidA);
        assertThat(deletedA.deletedAt).isNotNull();
        assertThat(deletedA.blocksTaskIds).as("a deleted row keeps its links as history").containsExactly(idB);

        UUID uidA2 = uid(tasks.create(a, task -> { }));
        long idA2 = awaitRow(uidA2, row -> assertThat(row.blocksTaskIds).containsExactly(idB)).id;
        awaitRow(uidB, row -> assertThat(row.dependsOnTaskIds).containsExactly(idC, idA2));
    }

    @Test
    void aDeletedResourceKeepsItsRowAndARecreatedNameIsANewRow() {
        String name = unique("history");
        UUID first = uid(tasks.create(name, task -> { }));
        tasks.applyStatus(name, operatorStatus(name, TaskPhase.SUCCEEDED, "2026-03-01T10:05:00Z", "done"), OPERATOR);
        long firstId = awaitRow(first, row -> assertThat(row.status).isEqualTo(TaskPhase.SUCCEEDED)).id;

        tasks.delete(name);
        MirroredTask deleted = awaitRow(first, row -> assertThat(row.deletedAt).isNotNull());
        assertThat(deleted.status).isEqualTo(TaskPhase.SUCCEEDED);
        assertThat(deleted.jobName).isEqualTo("job-" + name);

        UUID second = uid(tasks.create(name, task -> { }));
        MirroredTask recreated = awaitRow(second, row -> assertThat(row.status).isEqualTo(TaskPhase.PENDING));
        assertThat(recreated.id).isNotEqualTo(firstId);
        assertThat(recreated.deletedAt).isNull();
        assertThat(row(first).deletedAt).isEqualTo(deleted.deletedAt);
    }

    @Test
    void aRestartedMirrorCatchesUpWithChangesAndDeletions() {
        String changed = unique("restart-changed");
        String deleted = unique("restart-deleted");
        UUID changedUid = uid(tasks.create(changed, task -> { }));
        UUID deletedUid = uid(tasks.create(deleted, task -> { }));
        awaitRow(changedUid, row -> { });
        awaitRow(deletedUid, row -> { });

        mirror.stop();
        String added = unique("restart-added");
        UUID addedUid;
        try {
            tasks.applyStatus(changed, operatorStatus(changed, TaskPhase.RUNNING, null, null), OPERATOR);
            tasks.applyStatus(changed, workerProgress(10, 5, 50.0), WORKER);
            tasks.delete(deleted);
            addedUid = uid(tasks.create(added, task -> { }));
            assertThat(mirror.idOf(addedUid)).as("nothing mirrors while stopped").isEmpty();
        } finally {
            mirror.start();
        }

        awaitRow(changedUid, row -> {
            assertThat(row.status).isEqualTo(TaskPhase.RUNNING);
            assertThat(row.processedPoints).isEqualTo(5L);
        });
        awaitRow(deletedUid, row -> assertThat(row.deletedAt).isNotNull());
        awaitRow(addedUid, row -> assertThat(row.deletedAt).isNull());
        assertThat(row(changedUid).deletedAt).isNull();
    }
}
