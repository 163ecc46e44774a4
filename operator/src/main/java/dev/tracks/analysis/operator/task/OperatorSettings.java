package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.lifecycle.Admission;
import dev.tracks.analysis.operator.job.JobSettings;
import dev.tracks.analysis.skill.Skill;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator's configuration ({@code tracks.operator.*}); the Helm chart sets it through the environment. */
@ConfigMapping(prefix = "tracks.operator")
public interface OperatorSettings {

    Worker worker();

    /** How many tasks may run at once, in all namespaces. */
    @WithDefault("10")
    int maxRunning();

    /** Per-skill limits of running tasks, by skill name (e.g. {@code stay_detection: 2}). */
    Map<String, Integer> maxRunningPerSkill();

    /** PriorityClass names by the lowest task priority they apply to (e.g. {@code 100: tracks-high}). */
    Map<Integer, String> priorityClasses();

    interface Worker {
        @WithDefault("tracks/worker:latest")
        String image();

        @WithDefault("IfNotPresent")
        String imagePullPolicy();

        /** The container command; absent to use the image's entrypoint. */
        Optional<List<String>> command();

        @WithDefault("tracks-worker")
        String serviceAccount();

        /** How long finished Jobs stay (the task's status keeps the outcome after they are gone). */
        @WithDefault("3600")
        int ttlSecondsAfterFinished();

        Database database();

        @WithDefault("500m")
        String cpuRequest();

        @WithDefault("512Mi")
        String memoryRequest();

        @WithDefault("1Gi")
        String memoryLimit();
    }

    interface Database {
        /** The Secret with the database URL, user and password; Jobs reference it, never copy it. */
        @WithDefault("tracks-db")
        String secret();

        @WithDefault("url")
        String urlKey();

        @WithDefault("user")
        String userKey();

        @WithDefault("password")
        String passwordKey();
    }

    default Admission.Limits limits() {
        Map<Skill, Integer> perSkill = new EnumMap<>(Skill.class);
        maxRunningPerSkill().forEach((name, limit) -> perSkill.put(Skill.fromId(name).orElseThrow(() ->
                new IllegalArgumentException("tracks.operator.max-running-per-skill: unknown skill " + name)), limit));
        return new Admission.Limits(maxRunning(), perSkill);
    }

    default JobSettings jobSettings() {
        Worker worker = worker();
        ResourceRequirements defaults = new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(worker.cpuRequest()))
                .addToRequests("memory", new Quantity(worker.memoryRequest()))
                .addToLimits("memory", new Quantity(worker.memoryLimit()))
                .build();
        return new JobSettings(worker.image(), worker.imagePullPolicy(), worker.command().orElse(List.of()),
                worker.serviceAccount(), worker.ttlSecondsAfterFinished(), worker.database().secret(),
                worker.database().urlKey(), worker.database().userKey(), worker.database().passwordKey(), defaults,
                Map.of(), priorityClasses());
    }
}
