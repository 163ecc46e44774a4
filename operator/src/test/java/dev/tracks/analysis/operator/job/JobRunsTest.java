package dev.tracks.analysis.operator.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
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
}
