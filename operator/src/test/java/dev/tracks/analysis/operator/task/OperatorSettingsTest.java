package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.operator.job.JobSettings;
import dev.tracks.analysis.skill.Skill;
import io.fabric8.kubernetes.api.model.Quantity;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's configuration as the chart sets it, read by SmallRye Config without booting Quarkus. */
class OperatorSettingsTest {

    @Test
    void limitsAndPerSkillResourcesComeFromConfiguration() {
        OperatorSettings settings = settings(Map.of(
                "tracks.operator.max-running", "4",
                "tracks.operator.max-running-per-skill.stay_detection", "1",
                "tracks.operator.worker.resources-per-skill.stay_detection.memory-limit", "2Gi",
                "tracks.operator.priority-classes.100", "tracks-high"));
        assertThat(settings.limits().maxRunning()).isEqualTo(4);
        assertThat(settings.limits().maxRunningPerSkill()).containsExactly(Map.entry(Skill.STAY_DETECTION, 1));

        JobSettings jobs = settings.jobSettings();
        assertThat(jobs.resourcesPerSkill().get(Skill.STAY_DETECTION).getLimits())
                .containsEntry("memory", new Quantity("2Gi"));
        assertThat(jobs.resourcesPerSkill().get(Skill.STAY_DETECTION).getRequests())
                .containsEntry("memory", new Quantity("512Mi"));
        assertThat(jobs.defaultResources().getRequests()).containsEntry("cpu", new Quantity("500m"));
        assertThat(jobs.priorityClasses()).containsExactly(Map.entry(100, "tracks-high"));
        assertThat(jobs.databaseSecret()).isEqualTo("tracks-db");
    }

    @Test
    void anUnknownSkillIsNamedInTheError() {
        OperatorSettings settings = settings(Map.of("tracks.operator.max-running-per-skill.teleport", "1"));
        assertThatThrownBy(settings::limits)
                .hasMessage("tracks.operator.max-running-per-skill: unknown skill teleport; one of the catalog's,"
                        + " e.g. stay_detection");
    }

    @Test
    void workerResourcesKubernetesWouldRefuseFailTheStartNamingTheKey() {
        OperatorSettings tooSmall = settings(Map.of("tracks.operator.worker.memory-limit", "256Mi"));
        assertThatThrownBy(tooSmall::jobSettings).hasMessage("tracks.operator.worker.memory-request: must be at most"
                + " the limit of memory (256Mi), got 512Mi");
        OperatorSettings notAQuantity = settings(Map.of(
                "tracks.operator.worker.resources-per-skill.stay_detection.cpu-request", "two"));
        assertThatThrownBy(notAQuantity::jobSettings).hasMessageStartingWith(
                "tracks.operator.worker.resources-per-skill.stay_detection.cpu-request: must be a Kubernetes quantity");
    }

    private static OperatorSettings settings(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(OperatorSettings.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(OperatorSettings.class);
    }
}
