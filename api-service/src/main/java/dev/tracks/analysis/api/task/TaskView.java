package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.mirror.MirroredTask;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as the admin API shows it: its mirror row, with the progress grouped. */
public record TaskView(long id, String namespace, String name, String skillName, String taskType, String status,
                       int priority, Map<String, Object> params, Map<String, Object> scope, List<String> dependsOn,
                       List<Long> dependsOnTaskIds, List<Long> blocksTaskIds, Progress progress, Integer attempts,
                       String jobName, String chainId, OffsetDateTime startTime, OffsetDateTime endTime,
                       Map<String, Object> resultSummary, String errorMessage, String createdBy,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt) {

    /** Live progress as the worker reported it; eta_seconds from the smoothed rate. */
    public record Progress(Double percent, Long totalPoints, Long processedPoints, Long failedPoints,
                           Double pointsPerSecond, Long etaSeconds) {
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
