package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.lifecycle.Admission.Candidate;
import dev.tracks.analysis.lifecycle.Admission.Limits;
import dev.tracks.analysis.lifecycle.Admission.Verdict;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.tracks.analysis.skill.Skill.GRID_SYSTEM;
import static dev.tracks.analysis.skill.Skill.STAY_DETECTION;
import static dev.tracks.analysis.skill.Skill.TRANSPORT_MODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void higherPriorityFirstThenOlderFirst() {
        List<Candidate> candidates = List.of(
                candidate("old-low", GRID_SYSTEM, 0, 0),
                candidate("new-high", GRID_SYSTEM, 10, 30),
                candidate("new-low", GRID_SYSTEM, 0, 20),
                candidate("old-high", GRID_SYSTEM, 10, 10));
        Map<String, Verdict> verdicts = Admission.decide(candidates, List.of(STAY_DETECTION), new Limits(3, Map.of()));
        assertThat(verdicts).containsExactly(
                Map.entry("old-high", new Verdict(true, 0)),
                Map.entry("new-high", new Verdict(true, 0)),
                Map.entry("old-low", new Verdict(false, 1)),
                Map.entry("new-low", new Verdict(false, 2)));
    }

    @Test
    void aSkillAtItsLimitDoesNotBlockOtherSkills() {
        Limits limits = new Limits(2, Map.of(STAY_DETECTION, 1));
        Map<String, Verdict> verdicts = Admission.decide(List.of(
                candidate("stays-2", STAY_DETECTION, 5, 0),
                candidate("grid", GRID_SYSTEM, 0, 10)), List.of(STAY_DETECTION), limits);
        assertThat(verdicts).containsExactly(
                Map.entry("stays-2", new Verdict(false, 1)),
                Map.entry("grid", new Verdict(true, 0)));
    }

    @Test
    void nothingStartsWhenAllSlotsAreTaken() {
        Map<String, Verdict> verdicts = Admission.decide(List.of(candidate("a", GRID_SYSTEM, 0, 0)),
                List.of(GRID_SYSTEM, STAY_DETECTION), new Limits(2, Map.of()));
        assertThat(verdicts).containsExactly(Map.entry("a", new Verdict(false, 1)));
    }

    @Test
    void amongTasksOfOneChainCreatedTogetherTheLongestPathStartsFirst() {
        // The default chain's second level on one free slot: grid_system sorts first by name, but only footprint_stats
        // waits on it; trip_construction and rendering_metadata wait on stay_detection and on transport_mode.
        Map<Skill, Integer> depth = SkillCatalog.waitingDepth(SkillCatalog.DEFAULT_CHAIN);
        List<Candidate> level = List.of(
                chainTask("chain-a-grid-system", GRID_SYSTEM, depth),
                chainTask("chain-a-stay-detection", STAY_DETECTION, depth),
                chainTask("chain-a-transport-mode", TRANSPORT_MODE, depth));
        assertThat(Admission.decide(level, List.of(), new Limits(1, Map.of()))).containsExactly(
                Map.entry("chain-a-stay-detection", new Verdict(true, 0)),
                Map.entry("chain-a-transport-mode", new Verdict(false, 1)),
                Map.entry("chain-a-grid-system", new Verdict(false, 2)));
        // Priority and age still come first: an older task is not overtaken by a deeper one.
        Candidate older = new Candidate("older", GRID_SYSTEM, 0, T0.minusSeconds(1), 0);
        assertThat(Admission.decide(List.of(level.get(1), older), List.of(), new Limits(1, Map.of())))
                .containsEntry("older", new Verdict(true, 0));
    }

    @Test
    void limitsMustAllowSomething() {
        assertThatThrownBy(() -> new Limits(0, Map.of())).hasMessage("maxRunning must be at least 1, got 0");
    }

    private static Candidate candidate(String name, Skill skill, int priority, int ageSeconds) {
        return new Candidate(name, skill, priority, T0.plusSeconds(ageSeconds), 0);
    }

    private static Candidate chainTask(String name, Skill skill, Map<Skill, Integer> depth) {
        return new Candidate(name, skill, 0, T0, depth.get(skill));
    }
}
