package dev.tracks.analysis.task;

import dev.tracks.analysis.skill.Skill;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;

/** AnalysisTasks for tests, shared with the other modules' tests through the test-jar. */
public final class TestTasks {

    private TestTasks() {
    }

    /** A task with only its skill set; everything else takes the defaults. */
    public static AnalysisTask task(String namespace, String name, Skill skill) {
        AnalysisTask task = new AnalysisTask();
        task.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        task.setSpec(new AnalysisTaskSpec());
        task.getSpec().setSkill(skill);
        return task;
    }

    /**
     * Server-side applies {@code status} alone, as {@code fieldManager}: the manager then owns exactly the fields it
     * sets, as the operator and the worker do.
     */
    public static void applyStatus(KubernetesClient client, String namespace, String name, AnalysisTaskStatus status,
            String fieldManager) {
        String body = client.getKubernetesSerialization().asJson(Map.of(
                "apiVersion", AnalysisTask.GROUP + "/" + AnalysisTask.VERSION,
                "kind", "AnalysisTask",
                "metadata", Map.of("name", name, "namespace", namespace),
                "status", status));
        client.resources(AnalysisTask.class).inNamespace(namespace).withName(name).subresource("status")
                .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager(fieldManager).withForce(true).build(), body);
    }
}
