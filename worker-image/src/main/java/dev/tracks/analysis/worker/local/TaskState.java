package dev.tracks.analysis.worker.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracks.analysis.task.TaskPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * What the local run shows of a task: the fields of the admin API's task view (snake_case JSON) it prints.
 *
 * @param percent null before the worker reports
 * @param processedPoints null before the worker reports
 * @param totalPoints null before the worker reports
 * @param etaSeconds null when unknown
 */
record TaskState(long id, String skill, TaskPhase status, Double percent, Long processedPoints, Long totalPoints,
                 Long etaSeconds, String errorMessage) {

    static TaskState of(JsonNode task) {
        JsonNode progress = task.path("progress");
        return new TaskState(task.path("id").asLong(), task.path("skill_name").asText(),
                TaskPhase.of(task.path("status").asText()), number(progress.path("percent")),
                whole(progress.path("processed_points")), whole(progress.path("total_points")),
                whole(progress.path("eta_seconds")), task.path("error_message").isTextual()
                ? task.path("error_message").asText() : null);
    }

    /** The tasks of a chain view, in the API's order (by id: the chain's dependency order). */
    static List<TaskState> ofChain(JsonNode chain) {
        List<TaskState> tasks = new ArrayList<>();
        chain.path("tasks").forEach(task -> tasks.add(of(task)));
        return tasks;
    }

    boolean isFinal() {
        return status.isFinished();
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Long whole(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}
