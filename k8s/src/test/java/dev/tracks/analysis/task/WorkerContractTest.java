package dev.tracks.analysis.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.skill.Skill;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which retries count on from what the earlier attempts analysed: only those that resume where they committed. */
class WorkerContractTest {

    private static final TaskProgress REPORTED = progress(4000L, null);

    @Test
    void anIncrementalRetryResumesSoItCountsOnFromTheEarlierAttempts() {
        assertThat(WorkerContract.earlierProgress(spec(Skill.STAY_DETECTION), 2, REPORTED)).isEqualTo(Map.of(
                WorkerContract.ENV_EARLIER_PROCESSED_POINTS, "4000", WorkerContract.ENV_EARLIER_FAILED_POINTS, "0"));
        assertThat(WorkerContract.earlierProgress(spec(Skill.STAY_DETECTION), 3, progress(9000L, 5L)))
                .containsEntry(WorkerContract.ENV_EARLIER_FAILED_POINTS, "5");
    }

    @Test
    void runsThatStartAfreshCountFromZero() {
        AnalysisTaskSpec full = spec(Skill.STAY_DETECTION);
        full.setMode(TaskMode.FULL_RECOMPUTE);
        AnalysisTaskSpec sharded = spec(Skill.STAY_DETECTION);
        sharded.setParallelism(4);
        assertThat(WorkerContract.earlierProgress(spec(Skill.STAY_DETECTION), 1, REPORTED)).as("first").isEmpty();
        assertThat(WorkerContract.earlierProgress(spec(Skill.STAY_DETECTION), 2, null)).as("unreported").isEmpty();
        assertThat(WorkerContract.earlierProgress(full, 2, REPORTED)).as("full recompute").isEmpty();
        assertThat(WorkerContract.earlierProgress(sharded, 2, REPORTED)).as("sharded").isEmpty();
        assertThat(WorkerContract.earlierProgress(spec(Skill.DATA_IMPORT), 2, REPORTED)).as("loader").isEmpty();
    }

    private static AnalysisTaskSpec spec(Skill skill) {
        AnalysisTaskSpec spec = new AnalysisTaskSpec();
        spec.setSkill(skill);
        return spec;
    }

    private static TaskProgress progress(Long processed, Long failed) {
        TaskProgress progress = new TaskProgress();
        progress.setProcessedPoints(processed);
        progress.setFailedPoints(failed);
        return progress;
    }
}
