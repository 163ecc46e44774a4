package dev.tracks.analysis.task;

import dev.tracks.analysis.skill.Skill;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskSpecValidationTest {

    @Test
    void aSpecWithOnlyASkillIsValidAndCarriesTheDefaults() {
        AnalysisTaskSpec spec = spec(Skill.STAY_DETECTION);
        assertThat(TaskSpecValidation.validate("stays", spec)).isEmpty();
        assertThat(spec.getMode()).isEqualTo(TaskMode.INCREMENTAL);
        assertThat(spec.getBatchSize()).isEqualTo(10_000);
        assertThat(spec.getParallelism()).isEqualTo(1);
        assertThat(spec.getCancel()).isFalse();
    }

    @Test
    void missingSkillIsNamed() {
        assertThat(TaskSpecValidation.validate("t", new AnalysisTaskSpec())).extracting(FieldViolation::toString)
                .containsExactly("spec.skill: is required; one of the skill catalog");
        assertThat(TaskSpecValidation.validate("t", null)).extracting(FieldViolation::field).containsExactly("spec");
    }

    @Test
    void skillParametersAreCheckedAgainstTheCatalog() {
        AnalysisTaskSpec spec = spec(Skill.STAY_DETECTION);
        spec.setParams(Map.of("distThresholdMeters", -5, "speed", 3));
        assertThat(TaskSpecValidation.validate("stays", spec)).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("spec.params.distThresholdMeters", "spec.params.speed");
    }

    @Test
    void dependenciesMustBeOtherWellFormedUniqueTaskNames() {
        AnalysisTaskSpec spec = spec(Skill.TRIP_CONSTRUCTION);
        spec.setDependsOn(List.of("stays", "trips", "Bad_Name", "stays"));
        assertThat(TaskSpecValidation.validate("trips", spec)).extracting(FieldViolation::toString).containsExactly(
                "spec.dependsOn[1]: a task cannot depend on itself",
                "spec.dependsOn[2]: must be the name of an AnalysisTask (lower-case RFC 1123 subdomain, at most 253"
                        + " characters), got \"Bad_Name\"",
                "spec.dependsOn[3]: duplicate dependency \"stays\"");
    }

    @Test
    void numericFieldsOutOfBoundsSayTheBounds() {
        AnalysisTaskSpec spec = spec(Skill.GRID_SYSTEM);
        spec.setBatchSize(5);
        spec.setParallelism(65);
        spec.setPriority(5000);
        spec.setMaxRetries(-1);
        spec.setBackoffSeconds(0);
        spec.setDeadlineSeconds(10);
        assertThat(TaskSpecValidation.validate("grid", spec)).extracting(FieldViolation::toString).containsExactly(
                "spec.priority: must be between -1000 and 1000, got 5000",
                "spec.maxRetries: must be between 0 and 20, got -1",
                "spec.backoffSeconds: must be between 1 and 3600, got 0",
                "spec.deadlineSeconds: must be between 60 and 604800, got 10",
                "spec.batchSize: must be between 10 and 100000, got 5",
                "spec.parallelism: must be between 1 and 64, got 65");
    }

    @Test
    void scopeTimesMustParseAndBeOrdered() {
        AnalysisTaskSpec spec = spec(Skill.GRID_SYSTEM);
        TaskScope scope = new TaskScope();
        scope.setUserIds(List.of("u1", "u1", ""));
        scope.setFrom("2026-02-01T00:00:00+01:00");
        scope.setTo("2026-01-31T23:00:00Z");
        spec.setScope(scope);
        assertThat(TaskSpecValidation.validate("grid", spec)).extracting(FieldViolation::toString).containsExactly(
                "spec.scope.userIds[1]: duplicate user id \"u1\"",
                "spec.scope.userIds[2]: must be a user id of 1 to 128 characters",
                "spec.scope.to: must be after spec.scope.from (2026-02-01T00:00:00+01:00), got 2026-01-31T23:00:00Z");
        scope.setUserIds(List.of());
        scope.setTo("yesterday");
        assertThat(TaskSpecValidation.validate("grid", spec)).extracting(FieldViolation::toString).containsExactly(
                "spec.scope.to: must be an RFC 3339 time such as 2026-01-31T00:00:00Z, got \"yesterday\"");
    }

    private static AnalysisTaskSpec spec(Skill skill) {
        AnalysisTaskSpec spec = new AnalysisTaskSpec();
        spec.setSkill(skill);
        return spec;
    }
}
