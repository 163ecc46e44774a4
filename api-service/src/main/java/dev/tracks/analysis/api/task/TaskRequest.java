package dev.tracks.analysis.api.task;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /tasks: what to run. Only skill_name is required; the rest takes the AnalysisTask defaults.
 *
 * @param dependsOn tasks that must succeed first: mirror ids (numbers) or task names (strings)
 */
@Schema(additionalProperties = Schema.False.class)
public record TaskRequest(@Schema(required = true, description = "A skill of the catalog (GET /skills).")
                          String skillName, String taskType, Map<String, Object> params, List<Object> dependsOn,
                          Integer priority, ScopeRequest scope, ResourceRequirements resources, Integer maxRetries,
                          Integer backoffSeconds, Integer deadlineSeconds, Integer batchSize, Integer parallelism) {

    /** Which users and times: user_ids (empty for all), from and to as RFC 3339 times. */
    @Schema(additionalProperties = Schema.False.class)
    public record ScopeRequest(List<String> userIds, @Schema(format = "date-time") String from,
                               @Schema(format = "date-time") String to) {
    }
}
