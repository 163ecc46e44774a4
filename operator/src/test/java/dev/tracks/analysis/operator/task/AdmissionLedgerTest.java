package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TestTasks;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionLedgerTest {

    private final AdmissionLedger ledger = new AdmissionLedger();

    @Test
    void aStartedTaskCountsUntilTheCacheShowsItRunningThenOnlyOnce() {
        AnalysisTask stays = task("stays", Skill.STAY_DETECTION, null);
        ledger.started(ResourceID.fromResource(stays), Skill.STAY_DETECTION);
        Map<ResourceID, AnalysisTask> latest = Map.of(ResourceID.fromResource(stays), stays);

        assertThat(ledger.running(List.of(), id -> Optional.ofNullable(latest.get(id))))
                .containsExactly(Skill.STAY_DETECTION);

        AnalysisTask seenRunning = task("stays", Skill.STAY_DETECTION, TaskPhase.RUNNING);
        assertThat(ledger.running(List.of(seenRunning), id -> Optional.of(seenRunning)))
                .containsExactly(Skill.STAY_DETECTION);
        assertThat(ledger.running(List.of(), id -> Optional.of(seenRunning))).as("seen once, forgotten").isEmpty();
    }

    @Test
    void aStartedTaskThatIsGoneOrFinishedNoLongerCounts() {
        AnalysisTask gone = task("gone", Skill.GRID_SYSTEM, null);
        AnalysisTask failed = task("failed", Skill.GRID_SYSTEM, TaskPhase.FAILED);
        ledger.started(ResourceID.fromResource(gone), Skill.GRID_SYSTEM);
        ledger.started(ResourceID.fromResource(failed), Skill.GRID_SYSTEM);

        assertThat(ledger.running(List.of(), id -> id.getName().equals("failed") ? Optional.of(failed)
                : Optional.empty())).isEmpty();
    }

    @Test
    void aForgottenStartDoesNotCount() {
        AnalysisTask outliers = task("outliers", Skill.OUTLIER_DETECTION, null);
        ledger.started(ResourceID.fromResource(outliers), Skill.OUTLIER_DETECTION);
        ledger.forget(ResourceID.fromResource(outliers));

        assertThat(ledger.running(List.of(), id -> Optional.of(outliers))).isEmpty();
    }

    private static AnalysisTask task(String name, Skill skill, TaskPhase phase) {
        AnalysisTask task = TestTasks.task("tracks", name, skill);
        if (phase != null) {
            task.setStatus(new AnalysisTaskStatus());
            task.getStatus().setPhase(phase);
        }
        return task;
    }
}
