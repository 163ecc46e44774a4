package dev.tracks.analysis.api.chain;

import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.task.TaskPhase;
import java.util.List;

/**
 * A chain and its tasks. Its status, named as a task's phase: Failed when a task failed or was cancelled, Succeeded
 * when all succeeded, Running when any runs (or is Retrying between attempts) or some have succeeded, else Pending.
 */
public record ChainView(String chainId, String status, List<TaskView> tasks) {

    static ChainView of(String chainId, List<TaskView> tasks) {
        List<TaskPhase> phases = tasks.stream().map(task -> TaskPhase.of(task.status())).toList();
        TaskPhase status;
        if (phases.contains(TaskPhase.FAILED) || phases.contains(TaskPhase.CANCELLED)) {
            status = TaskPhase.FAILED;
        } else if (phases.stream().allMatch(phase -> phase == TaskPhase.SUCCEEDED)) {
            status = TaskPhase.SUCCEEDED;
        } else if (phases.stream().anyMatch(phase -> phase.holdsSlot() || phase == TaskPhase.SUCCEEDED)) {
            status = TaskPhase.RUNNING;
        } else {
            status = TaskPhase.PENDING;
        }
        return new ChainView(chainId, status.displayName(), tasks);
    }
}
