package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.lifecycle.Admission.Candidate;
import dev.tracks.analysis.lifecycle.Admission.Limits;
import dev.tracks.analysis.lifecycle.Admission.Verdict;
import dev.tracks.analysis.skill.Skill;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.tracks.analysis.skill.Skill.GRID_SYSTEM;
import static dev.tracks.analysis.skill.Skill.STAY_DETECTION;
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
    void limitsMustAllowSomething() {
        assertThatThrownBy(() -> new Limits(0, Map.of())).hasMessage("maxRunning must be at least 1, got 0");
    }

    private static Candidate candidate(String name, Skill skill, int priority, int ageSeconds) {
        return new Candidate(name, skill, priority, T0.plusSeconds(ageSeconds));
    }
}
