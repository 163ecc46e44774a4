package dev.tracks.analysis.api.mirror;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskLabels;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TaskProgress;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The column values of one {@code analysis_tasks} row, taken from an AnalysisTask (the id, the dependency id arrays,
 * updated_at and deleted_at are the store's). JSON columns are carried as JSON text.
 *
 * <p>error_message is {@code status.message} once the phase is Failed or Cancelled; before the end it is the latest
 * failed attempt ({@code status.lastFailure}), so a task that is Retrying, or Running again, says why; the message of
 * the other phases (e.g. a queue position) is not an error. A task that succeeds clears it.
 * Values the table's CHECK constraints would refuse (a percent above 100, a negative count, an end before the start)
 * are clamped or dropped, because a row that can never be written would be retried for ever.
 */
record MirrorRow(
        String namespace, String name, UUID uid, String resourceVersion, Long generation,
        String skillName, String taskType, TaskPhase status, int priority, String paramsJson, String scopeJson,
        Double progressPercent, Long etaSeconds, Double pointsPerSecond,
        Long totalPoints, Long processedPoints, Long failedPoints,
        Integer attempts, String jobName, String chainId, OffsetDateTime startTime, OffsetDateTime endTime,
        String resultSummaryJson, String errorMessage, List<String> dependsOn, String createdBy,
        OffsetDateTime createdAt) {

    /** The row of {@code task}, which must carry a uid (a resource read from or returned by the API server). */
    static MirrorRow of(AnalysisTask task, KubernetesSerialization json) {
        ObjectMeta meta = task.getMetadata();
        if (meta == null || meta.getUid() == null) {
            throw new IllegalArgumentException("an AnalysisTask without metadata.uid cannot be mirrored");
        }
        AnalysisTaskSpec spec = task.getSpec() != null ? task.getSpec() : new AnalysisTaskSpec();
        AnalysisTaskStatus status = task.getStatus() != null ? task.getStatus() : new AnalysisTaskStatus();
        TaskProgress progress = status.getProgress() != null ? status.getProgress() : new TaskProgress();
        TaskPhase phase = status.getPhase() != null ? status.getPhase() : TaskPhase.PENDING;
        OffsetDateTime start = timestamp(status.getStartTime());
        OffsetDateTime end = timestamp(status.getCompletionTime());
        if (start != null && end != null && end.isBefore(start)) {
            end = start;
        }
        return new MirrorRow(
                meta.getNamespace(), meta.getName(), UUID.fromString(meta.getUid()), meta.getResourceVersion(),
                meta.getGeneration(),
                spec.getSkill() != null ? spec.getSkill().id() : null,
                spec.modeOrDefault().name(),
                phase,
                spec.priorityOrDefault(),
                json.asJson(spec.paramsOrEmpty()),
                spec.scopeIfAny().map(json::asJson).orElse(null),
                percent(progress.getPercent()), nonNegative(progress.getEtaSeconds()),
                nonNegative(progress.getPointsPerSecond()),
                nonNegative(progress.getTotalPoints()), nonNegative(progress.getProcessedPoints()),
                nonNegative(progress.getFailedPoints()),
                status.getAttempts() != null && status.getAttempts() >= 0 ? status.getAttempts() : null,
                status.getJobName(), label(meta.getLabels(), TaskLabels.CHAIN), start, end,
                status.getResultSummary() != null ? json.asJson(status.getResultSummary()) : null,
                errorMessage(phase, status),
                List.copyOf(spec.dependsOnOrEmpty()),
                label(meta.getAnnotations(), TaskLabels.CREATED_BY),
                timestamp(meta.getCreationTimestamp()));
    }

    private static String errorMessage(TaskPhase phase, AnalysisTaskStatus status) {
        if (phase == TaskPhase.FAILED || phase == TaskPhase.CANCELLED) {
            return status.getMessage();
        }
        return phase == TaskPhase.SUCCEEDED || status.getLastFailure() == null ? null
                : status.getLastFailure().describe();
    }

    /** An RFC 3339 time, or null when absent or unreadable (a status field is not worth losing the row over). */
    private static OffsetDateTime timestamp(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String label(Map<String, String> labels, String key) {
        return labels != null ? labels.get(key) : null;
    }

    private static Double percent(Double value) {
        return value == null || value.isNaN() ? null : Math.max(0.0, Math.min(100.0, value));
    }

    private static Long nonNegative(Long value) {
        return value != null && value >= 0 ? value : null;
    }

    private static Double nonNegative(Double value) {
        return value != null && value >= 0 ? value : null;
    }
}
