package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tasks this operator started whose Running status the informer cache has not shown yet. Without it, two
 * reconciles close together could both see a free slot and exceed the concurrency limit. Used under one lock.
 */
final class AdmissionLedger {

    private final Map<ResourceID, Skill> startedNotYetSeen = new HashMap<>();

    void started(ResourceID task, Skill skill) {
        startedNotYetSeen.put(task, skill);
    }

    void forget(ResourceID task) {
        startedNotYetSeen.remove(task);
    }

    /**
     * The skills of every task holding a slot: Running or Retrying in the informer's cache, or started here and not
     * yet seen Running.
     *
     * @param runningInCache the tasks the informer's cache has as Running or Retrying
     * @param latest a task as the operator knows it now (its own writes included), empty when it is gone
     */
    List<Skill> running(Collection<AnalysisTask> runningInCache, Function<ResourceID, Optional<AnalysisTask>> latest) {
        if (!startedNotYetSeen.isEmpty()) {
            Set<ResourceID> seen = runningInCache.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
            startedNotYetSeen.keySet().removeIf(task -> seen.contains(task)
                    || latest.apply(task).map(AnalysisTask::finished).orElse(true));
        }
        List<Skill> running = new ArrayList<>(startedNotYetSeen.values());
        runningInCache.forEach(task -> running.add(task.getSpec().getSkill()));
        return running;
    }
}
