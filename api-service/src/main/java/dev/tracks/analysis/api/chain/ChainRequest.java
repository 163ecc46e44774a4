package dev.tracks.analysis.api.chain;

import dev.tracks.analysis.api.task.TaskRequest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /trigger-chain: the analysis chain as a DAG of tasks.
 *
 * @param skills a subset of skills (their dependencies are added); default: the default chain
 * @param params parameters per skill, e.g. {"stay_detection": {"distThresholdMeters": 50}}
 */
@Schema(additionalProperties = Schema.False.class)
public record ChainRequest(String taskType, TaskRequest.ScopeRequest scope, List<String> skills, Integer priority,
                           Map<String, Map<String, Object>> params) {
}
