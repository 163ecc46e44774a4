package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.mirror.MirroredTask;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as the admin API shows it: its mirror row, with the progress grouped. */
public record TaskView(long id, String namespace, String name, String skillName, String taskType, String status,
                       int priority, Map<String, Object> params,
                       @Schema(nullable = true) Map<String, Object> scope, List<String> dependsOn,
                       List<Long> dependsOnTaskIds, List<Long> blocksTaskIds, Progress progress,
                       @Schema(nullable = true) Integer attempts,
                       @Schema(nullable = true) String jobName,
                       @Schema(nullable = true) String chainId,
                       @Schema(nullable = true) OffsetDateTime startTime,
                       @Schema(nullable = true) OffsetDateTime endTime,
                       @Schema(nullable = true) Map<String, Object> resultSummary,
                       @Schema(nullable = true) String errorMessage,
                       @Schema(nullable = true, description = "Null for a task not created through this API.")
                       String createdBy,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       @Schema(nullable = true, description = "When the resource was deleted; null while it exists.")
                       OffsetDateTime deletedAt) {

    /** Live progress as the worker reported it; eta_seconds from the smoothed rate. */
    public record Progress(@Schema(nullable = true) Double percent, @Schema(nullable = true) Long totalPoints,
                           @Schema(nullable = true) Long processedPoints, @Schema(nullable = true) Long failedPoints,
                           @Schema(nullable = true) Double pointsPerSecond, @Schema(nullable = true) Long etaSeconds) {
    }

    public static TaskView of(MirroredTask row) {
        return new TaskView(row.id, row.namespace, row.name, row.skillName, row.taskType, row.status.displayName(),
                row.priority, row.params, row.scope, List.of(row.dependsOn), Arrays.asList(row.dependsOnTaskIds),
                Arrays.asList(row.blocksTaskIds), new Progress(row.progressPercent, row.totalPoints,
                row.processedPoints, row.failedPoints, row.pointsPerSecond, row.etaSeconds), row.attempts, row.jobName,
                row.chainId, row.startTime, row.endTime, row.resultSummary, row.errorMessage, row.createdBy,
                row.createdAt, row.updatedAt, row.deletedAt);
    }

    /** A page of tasks with the number of matching tasks, exact up to a cap (see TaskListing). */
    public record Page(List<TaskView> tasks,
                       @Schema(description = "The number of matching tasks when total_exact is true; otherwise a"
                               + " lower bound (more than " + TaskListing.TOTAL_CAP + " match and they were not all"
                               + " counted).")
                       long total,
                       @Schema(description = "Whether total is the exact number of matching tasks.")
                       boolean totalExact,
                       int limit, int offset) {
    }
}
