package dev.tracks.analysis.operator.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisTaskReconcilerTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @Test
    void theStatusApplySendsTheTasksIdentityAndStatusOnly() {
        AnalysisTask task = TestTasks.task("tracks", "stays", Skill.STAY_DETECTION);
        task.getMetadata().setUid("uid-1");
        task.getMetadata().setResourceVersion("42");
        task.getMetadata().setLabels(Map.of("team", "mobility"));
        AnalysisTaskStatus next = new AnalysisTaskStatus();
        next.setPhase(TaskPhase.RUNNING);
        next.setMessage("running, attempt 1");

        JsonNode sent = JSON.convertValue(AnalysisTaskReconciler.statusPatch(task, next), JsonNode.class);

        assertThat(sent.fieldNames()).toIterable().containsExactlyInAnyOrder("apiVersion", "kind", "metadata",
                "status");
        assertThat(sent.get("apiVersion").asText()).isEqualTo("analysis.tracks.dev/v1alpha1");
        assertThat(sent.get("kind").asText()).isEqualTo("AnalysisTask");
        assertThat(sent.get("metadata").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "namespace", "uid");
        assertThat(sent.get("metadata").get("uid").asText()).isEqualTo("uid-1");
        assertThat(sent.get("status").get("message").asText()).isEqualTo("running, attempt 1");
    }
}
