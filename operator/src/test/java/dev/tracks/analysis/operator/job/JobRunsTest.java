package dev.tracks.analysis.operator.job;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TestTasks;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Job updates concern the task: its end and its failed pods, not the counters of a running Job. */
class JobRunsTest {

    private static final Job CREATED = new JobBuilder().withNewMetadata().withName("stays-1").endMetadata().build();
    private static final Job ACTIVE = new JobBuilder(CREATED).withNewStatus().withActive(1).withReady(0)
            .withStartTime("2026-12-03T08:00:00Z").endStatus().build();
    private static final Job READY = new JobBuilder(ACTIVE).editStatus().withReady(1).endStatus().build();

    @Test
    void aRunningJobsCountersChangeNothing() {
        assertThat(JobRuns.outcomeChanged(CREATED, ACTIVE)).isFalse();
        assertThat(JobRuns.outcomeChanged(ACTIVE, READY)).isFalse();
    }

    @Test
    void theEndAndFailedPodsDo() {
        Job complete = new JobBuilder(READY).editStatus().withActive(0).withSucceeded(1)
                .addToConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build())
                .endStatus().build();
        Job podFailed = new JobBuilder(READY).editStatus().withActive(0).withFailed(1).endStatus().build();
        Job failed = new JobBuilder(podFailed).editStatus()
                .addToConditions(new JobConditionBuilder().withType("Failed").withStatus("True").build())
                .endStatus().build();
        assertThat(JobRuns.outcomeChanged(READY, complete)).isTrue();
        assertThat(JobRuns.outcomeChanged(READY, podFailed)).isTrue();
        assertThat(JobRuns.outcomeChanged(podFailed, failed)).isTrue();
    }

    @Test
    void aConditionThatIsNotTrueIsNoEnd() {
        Job notYet = new JobBuilder(READY).editStatus()
                .addToConditions(new JobConditionBuilder().withType("Complete").withStatus("False").build())
                .endStatus().build();
        assertThat(JobRuns.outcomeChanged(READY, notYet)).isFalse();
    }

    @Test
    void theCachedJobKeepsWhatTheOperatorReads() {
        AnalysisTask task = TestTasks.task("tracks", "stays", Skill.STAY_DETECTION);
        task.getMetadata().setUid("uid-1");
        task.getMetadata().setGeneration(2L);
        Job created = new JobBuilder(WorkerJobs.build(task, new JobSettings("worker:1", "IfNotPresent", List.of(),
                "tracks-worker", 3600, "tracks-db", "url", "user", "password", new ResourceRequirements(), Map.of(),
                Map.of()), 1, Optional.empty()))
                .editMetadata().withCreationTimestamp("2026-12-03T08:00:00Z")
                .addNewManagedField().withManager("tracks-operator").endManagedField().endMetadata()
                .withNewStatus().withFailed(1).addNewCondition().withType("Failed").withStatus("True")
                .withReason("PodFailurePolicy").withMessage("exit code 64")
                .withLastTransitionTime("2026-12-03T08:01:00Z").endCondition().endStatus().build();

        Job cached = JobRuns.asRead(created);

        assertThat(cached.getSpec()).isNull();
        assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(cached.getMetadata().getOwnerReferences()).isEqualTo(created.getMetadata().getOwnerReferences());
        assertThat(JobRuns.stateOf(List.of(cached), null)).isEqualTo(JobRuns.stateOf(List.of(created), null));
        assertThat(JobRuns.startedGeneration(List.of(cached))).isEqualTo(2L);
        assertThat(created.getSpec()).as("the informer's Job itself is left alone").isNotNull();
    }
}
