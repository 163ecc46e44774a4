package dev.tracks.analysis.api.chain;

import dev.tracks.analysis.api.task.TaskView;
import java.util.List;

/**
 * A chain and its tasks. Its status: Failed when a task failed or was cancelled, Succeeded when all succeeded,
 * Running when any runs, else Pending.
 */
public record ChainView(String chainId, String status, List<TaskView> tasks) {

    static ChainView of(String chainId, List<TaskView> tasks) {
        List<String> states = tasks.stream().map(TaskView::status).toList();
        String status;
        if (states.contains("Failed") || states.contains("Cancelled")) {
            status = "Failed";
        } else if (states.stream().allMatch("Succeeded"::equals)) {
            status = "Succeeded";
        } else if (states.contains("Running") || states.contains("Succeeded")) {
            status = "Running";
        } else {
            status = "Pending";
        }
        return new ChainView(chainId, status, tasks);
    }
}
