package dev.tracks.analysis.operator.job;

import dev.tracks.analysis.skill.Skill;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How worker Jobs are made, from the operator's configuration.
 *
 * @param command the container command; empty to use the image's entrypoint
 * @param databaseSecret the Secret holding the database URL, user and password (never copied into the Job)
 * @param priorityClasses PriorityClass names by the lowest task priority they apply to
 */
public record JobSettings(
        String image,
        String imagePullPolicy,
        List<String> command,
        String serviceAccount,
        int ttlSecondsAfterFinished,
        String databaseSecret,
        String databaseUrlKey,
        String databaseUserKey,
        String databasePasswordKey,
        ResourceRequirements defaultResources,
        Map<Skill, ResourceRequirements> resourcesPerSkill,
        Map<Integer, String> priorityClasses) {

    public JobSettings {
        command = List.copyOf(command);
        resourcesPerSkill = Map.copyOf(resourcesPerSkill);
        priorityClasses = Map.copyOf(priorityClasses);
    }

    /** The PriorityClass for a task priority: the one with the highest threshold at or below it, if any. */
    Optional<String> priorityClassFor(int priority) {
        NavigableMap<Integer, String> byThreshold = new TreeMap<>(priorityClasses);
        return Optional.ofNullable(byThreshold.floorEntry(priority)).map(Map.Entry::getValue);
    }

    ResourceRequirements resourcesFor(Skill skill) {
        return resourcesPerSkill.getOrDefault(skill, defaultResources);
    }
}
