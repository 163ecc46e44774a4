package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TaskPhase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks this operator started whose Running status the informer cache has not shown yet. Without it, two
 * reconciles close together could both see a free slot and exceed the concurrency limit. Used under one lock.
 */
final class AdmissionLedger {

    private final Map<String, Skill> startedNotYetSeen = new HashMap<>();

    void started(String task, Skill skill) {
        startedNotYetSeen.put(task, skill);
    }

    void forget(String task) {
        startedNotYetSeen.remove(task);
    }

    /** The skills of every running task: Running in the cache, or started here and not yet seen Running. */
    List<Skill> running(List<AnalysisTask> all, Map<String, TaskPhase> phases) {
        startedNotYetSeen.keySet().removeIf(task -> {
            TaskPhase phase = phases.get(task);
            return phase == null || phase == TaskPhase.RUNNING || phase.isFinished();
        });
        List<Skill> running = new ArrayList<>(startedNotYetSeen.values());
        all.stream().filter(task -> phases.get(AnalysisTaskReconciler.key(task)) == TaskPhase.RUNNING)
                .forEach(task -> running.add(task.getSpec().getSkill()));
        return running;
    }
}
