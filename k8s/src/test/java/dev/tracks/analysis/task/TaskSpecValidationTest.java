package dev.tracks.analysis.task;

import dev.tracks.analysis.skill.Skill;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.utils.Serialization;
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

    @Test
    void resourcesAreNonNegativeQuantitiesOfKnownResourcesUpToTheirMaxima() {
        String quantity = "must be a Kubernetes quantity of at most 64 characters such as 500m, 2, 512Mi, 1.5Gi or"
                + " 1e3, got ";
        assertThat(resourceViolations("""
                {"limits": {"cpu": "abc", "memory": "-5Gi", "ephemeral-storage": "1 Gi"},
                 "requests": {"cpu": "-1", "memory": "1GiB", "gpu": "1"}}""")).containsExactly(
                "spec.resources.limits.cpu: " + quantity + "\"abc\"",
                "spec.resources.limits.memory: must not be negative, got -5Gi",
                "spec.resources.limits.ephemeral-storage: " + quantity + "\"1 Gi\"",
                "spec.resources.requests.cpu: must not be negative, got -1",
                "spec.resources.requests.memory: " + quantity + "\"1GiB\"",
                "spec.resources.requests.gpu: unknown resource; one of cpu, memory, ephemeral-storage, nvidia.com/gpu,"
                        + " amd.com/gpu");
        assertThat(resourceViolations("""
                {"limits": {"cpu": "1025", "nvidia.com/gpu": "17", "memory": "33Ti"}}""")).containsExactly(
                "spec.resources.limits.cpu: must be at most 1024 (more than any node offers), got 1025",
                "spec.resources.limits.nvidia.com/gpu: must be at most 16 (more than any node offers), got 17",
                "spec.resources.limits.memory: must be at most 32Ti (more than any node offers), got 33Ti");
        assertThat(resourceViolations("""
                {"limits": {"cpu": 1024, "memory": "32Ti", "ephemeral-storage": "1Pi", "nvidia.com/gpu": "16",
                            "amd.com/gpu": 1},
                 "requests": {"cpu": "0.5"}}""")).isEmpty();
    }

    @Test
    void aRequestIsAtMostItsLimitAndEqualToItForGpus() {
        assertThat(resourceViolations("""
                {"limits": {"cpu": "500m", "memory": "1Gi", "nvidia.com/gpu": 2},
                 "requests": {"cpu": "0.5001", "memory": "1025Mi", "nvidia.com/gpu": 1, "amd.com/gpu": 1}}"""))
                .containsExactly(
                        "spec.resources.requests.cpu: must be at most the limit of cpu (500m), got 0.5001",
                        "spec.resources.requests.memory: must be at most the limit of memory (1Gi), got 1025Mi",
                        "spec.resources.requests.nvidia.com/gpu: must equal the limit of nvidia.com/gpu (2), got 1",
                        "spec.resources.requests.amd.com/gpu: needs a limit of the same value: amd.com/gpu is never"
                                + " overcommitted");
        assertThat(resourceViolations("""
                {"limits": {"cpu": "0.5", "memory": "1Gi", "nvidia.com/gpu": "2"},
                 "requests": {"cpu": "500m", "memory": "1024Mi", "nvidia.com/gpu": "2"}}""")).isEmpty();
        assertThat(resourceViolations("""
                {"limits": {"amd.com/gpu": "0.5", "nvidia.com/gpu": "2000m"},
                 "requests": {"nvidia.com/gpu": "1e9"}}""")).containsExactly(
                "spec.resources.limits.amd.com/gpu: must be a whole number of amd.com/gpu written in digits, such as 1"
                        + " or 2, got 0.5",
                "spec.resources.limits.nvidia.com/gpu: must be a whole number of nvidia.com/gpu written in digits, such"
                        + " as 1 or 2, got 2000m",
                "spec.resources.requests.nvidia.com/gpu: must be a whole number of nvidia.com/gpu written in digits,"
                        + " such as 1 or 2, got 1e9");
    }

    @Test
    void resourcesHaveNoClaimsNullsOrOtherFields() {
        assertThat(resourceViolations("""
                {"limit": {"cpu": "1"}, "claims": [{"name": "gpu"}], "requests": {"cpu": null}}""")).containsExactly(
                "spec.resources.limit: unknown field; resources has requests and limits",
                "spec.resources.claims: resource claims are not supported: the worker's pod declares none",
                "spec.resources.requests.cpu: must be a Kubernetes quantity of at most 64 characters such as 500m, 2,"
                        + " 512Mi, 1.5Gi or 1e3, got null");
        assertThat(resourceViolations("{}")).isEmpty();
    }

    private static List<String> resourceViolations(String resourcesJson) {
        AnalysisTaskSpec spec = spec(Skill.GRID_SYSTEM);
        spec.setResources(Serialization.unmarshal(resourcesJson, ResourceRequirements.class));
        return TaskSpecValidation.validate("grid", spec).stream().map(FieldViolation::toString).toList();
    }

    private static AnalysisTaskSpec spec(Skill skill) {
        AnalysisTaskSpec spec = new AnalysisTaskSpec();
        spec.setSkill(skill);
        return spec;
    }
}
