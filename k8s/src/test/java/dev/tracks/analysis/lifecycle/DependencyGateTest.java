package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.lifecycle.DependencyGate.Verdict;
import dev.tracks.analysis.task.TaskPhase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyGateTest {

    @Test
    void noDependenciesIsReady() {
        assertThat(DependencyGate.evaluate(List.of(), Map.of())).isEqualTo(new Verdict.Ready());
    }

    @Test
    void allSucceededIsReady() {
        assertThat(DependencyGate.evaluate(List.of("outliers", "stays"),
                Map.of("outliers", TaskPhase.SUCCEEDED, "stays", TaskPhase.SUCCEEDED))).isEqualTo(new Verdict.Ready());
    }

    @Test
    void unfinishedAndMissingDependenciesKeepTheTaskWaitingAndAreNamed() {
        Map<String, TaskPhase> phases = new HashMap<>();
        phases.put("outliers", TaskPhase.SUCCEEDED);
        phases.put("stays", TaskPhase.RUNNING);
        phases.put("modes", null);
        Verdict verdict = DependencyGate.evaluate(List.of("outliers", "stays", "modes", "grid"), phases);
        assertThat(verdict).isEqualTo(new Verdict.Waiting(List.of("grid"), List.of("stays", "modes")));
        assertThat(((Verdict.Waiting) verdict).message())
                .isEqualTo("waiting for stays, modes to succeed; no AnalysisTask named grid in this namespace");
    }

    @Test
    void aFailedOrCancelledDependencyFailsTheTaskEvenIfOthersAreStillRunning() {
        Verdict verdict = DependencyGate.evaluate(List.of("stays", "modes"),
                Map.of("stays", TaskPhase.RUNNING, "modes", TaskPhase.CANCELLED));
        assertThat(verdict).isEqualTo(new Verdict.DependencyFailed("modes", TaskPhase.CANCELLED));
        assertThat(((Verdict.DependencyFailed) verdict).message()).isEqualTo("dependency modes ended Cancelled");
    }
}
