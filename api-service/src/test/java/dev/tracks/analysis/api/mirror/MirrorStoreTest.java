package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static dev.tracks.analysis.api.mirror.MirrorFixtures.row;
import static dev.tracks.analysis.api.mirror.MirrorFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches of the mirror's writes on the real PostgreSQL: links computed across the rows of one batch, versions
 * ordered and deletions kept, exactly as when the changes are written one by one. Rows of tasks that never existed
 * in Kubernetes, in a namespace nobody watches.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class MirrorStoreTest {

    private static final String NS = "mirror-batches";

    @Inject
    MirrorStore store;

    @Inject
    KubernetesClient client;

    @Test
    void aBatchLinksItsRowsOrdersVersionsAndKeepsDeletions() {
        String a = unique("batch-a");
        String b = unique("batch-b");
        String c = unique("batch-c");
        UUID uidA = UUID.randomUUID();
        UUID uidB = UUID.randomUUID();
        UUID uidC = UUID.randomUUID();
        store.write(List.of(change(uidB, b, "12", TaskPhase.PENDING, false, a, c),
                change(uidA, a, "10", TaskPhase.PENDING, false), change(uidC, c, "11", TaskPhase.PENDING, false)));

        long idA = row(uidA).id;
        long idB = row(uidB).id;
        long idC = row(uidC).id;
        assertThat(List.of(idA, idC, idB)).as("ids in version order").isSorted();
        assertThat(row(uidB).dependsOnTaskIds).containsExactly(idA, idC);
        assertThat(row(uidA).blocksTaskIds).containsExactly(idB);
        assertThat(row(uidC).blocksTaskIds).containsExactly(idB);

        store.write(List.of(change(uidA, a, "9", TaskPhase.FAILED, false),
                change(uidB, b, "20", TaskPhase.RUNNING, false, a, c),
                change(uidC, c, "21", TaskPhase.SUCCEEDED, true)));
        store.write(List.of(change(uidB, b, "20", TaskPhase.CANCELLED, false, a, c)));

        assertThat(row(uidA).status).as("an older version changes nothing").isEqualTo(TaskPhase.PENDING);
        assertThat(row(uidA).resourceVersion).isEqualTo("10");
        MirroredTask running = row(uidB);
        assertThat(running.status).as("an equal version is the same state").isEqualTo(TaskPhase.RUNNING);
        assertThat(running.dependsOnTaskIds).containsExactly(idA);
        MirroredTask deleted = row(uidC);
        assertThat(deleted.deletedAt).isNotNull();
        assertThat(deleted.status).isEqualTo(TaskPhase.SUCCEEDED);
        assertThat(deleted.blocksTaskIds).as("a deleted row keeps its links as history").containsExactly(idB);

        store.write(List.of(change(uidC, c, "22", TaskPhase.SUCCEEDED, true)));
        assertThat(row(uidC).deletedAt).as("deleted once").isEqualTo(deleted.deletedAt);
    }

    private MirrorStore.Change change(UUID uid, String name, String version, TaskPhase phase, boolean deleted,
                                      String... dependsOn) {
        AnalysisTask task = TestTasks.task(NS, name, Skill.STAY_DETECTION);
        task.getMetadata().setUid(uid.toString());
        task.getMetadata().setResourceVersion(version);
        task.getSpec().setDependsOn(List.of(dependsOn));
        task.setStatus(new AnalysisTaskStatus());
        task.getStatus().setPhase(phase);
        return new MirrorStore.Change(MirrorRow.of(task, client.getKubernetesSerialization()), deleted);
    }
}
