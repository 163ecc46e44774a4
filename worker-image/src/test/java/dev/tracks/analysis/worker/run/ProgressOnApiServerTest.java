package dev.tracks.analysis.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import dev.tracks.analysis.controlplane.TestNamespace;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import dev.tracks.analysis.worker.progress.TaskStatusProgress;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.store.UserScope;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker's progress and result summary reach the task's status on a real API server by server-side apply with
 * the worker's own field manager, and the operator's fields stay, also when the operator applies its status again.
 */
@RealKubernetes
class ProgressOnApiServerTest {

    private final KubernetesClient client;

    ProgressOnApiServerTest(KubernetesClient client) {
        this.client = client;
    }

    @BeforeAll
    static void installCrd(ControlPlane controlPlane) {
        assertThat(controlPlane.kubectl("apply", "--server-side", "-f",
                "../k8s/crd/analysistasks.analysis.tracks.dev-v1.yml").exitCode()).isZero();
        assertThat(controlPlane.kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/analysistasks.analysis.tracks.dev").exitCode()).isZero();
    }

    @Test
    void progressAndSummaryReachTheStatusAndTheOperatorFieldsStay(TestNamespace namespace) throws SQLException {
        String ns = namespace.name();
        client.resource(TestTasks.task(ns, "windows", Skill.OUTLIER_DETECTION)).create();
        AnalysisTaskStatus operatorView = operatorStatus();
        TestTasks.applyStatus(client, ns, "windows", operatorView, "tracks-operator");

        RunFixture fixture = new RunFixture("progress_on_api_server", WindowSkill.CREATE_TABLE);
        fixture.insert("ada", RunFixture.times(RunFixture.T0, 500, 3));
        SkillRun run = new SkillRun(new SkillRegistry(List.of(new WindowSkill())), fixture.database);
        run.execute(fixture.request(new WindowSkill(), TaskMode.INCREMENTAL, UserScope.all(), 50),
                new TaskStatusProgress(client, ns, "windows", run::resultSummary));

        AnalysisTask task = client.resources(AnalysisTask.class).inNamespace(ns).withName("windows").get();
        assertThat(task.getStatus().getProgress().getProcessedPoints()).isEqualTo(500);
        assertThat(task.getStatus().getProgress().getTotalPoints()).isEqualTo(500);
        assertThat(task.getStatus().getProgress().getPercent()).isEqualTo(100.0);
        assertThat(task.getStatus().getResultSummary())
                .containsEntry("analyzedPoints", 500)
                .containsEntry("resultRows", (int) fixture.count("SELECT count(*) FROM test_windows"));
        assertThat(task.getStatus().getPhase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(task.getStatus().getConditions()).extracting("type").containsExactly("Complete");

        // The operator applies its fields again, knowing nothing of the progress: the progress stays.
        operatorView.setMessage("still running");
        TestTasks.applyStatus(client, ns, "windows", operatorView, "tracks-operator");
        task = client.resources(AnalysisTask.class).inNamespace(ns).withName("windows").get();
        assertThat(task.getStatus().getMessage()).isEqualTo("still running");
        assertThat(task.getStatus().getProgress().getProcessedPoints()).isEqualTo(500);
        assertThat(task.getMetadata().getManagedFields()).extracting("manager")
                .contains("tracks-operator", TaskStatusProgress.FIELD_MANAGER);
    }

    private static AnalysisTaskStatus operatorStatus() {
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setPhase(TaskPhase.RUNNING);
        status.setAttempts(1);
        status.setJobName("windows-0123abcd-1");
        status.setConditions(List.of(new ConditionBuilder().withType("Complete").withStatus("False")
                .withReason("Running").withMessage("the worker runs").withLastTransitionTime("2026-11-28T10:00:00Z")
                .withObservedGeneration(1L).build()));
        return status;
    }
}
