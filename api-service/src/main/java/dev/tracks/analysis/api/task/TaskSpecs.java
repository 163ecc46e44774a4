package dev.tracks.analysis.api.task;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.FieldViolation;
import dev.tracks.analysis.task.TaskMode;
import dev.tracks.analysis.task.TaskScope;
import dev.tracks.analysis.task.TaskSpecValidation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * From a request to an AnalysisTask spec, checked with the same validation the operator applies
 * ({@link TaskSpecValidation}), its violations named by the request's own field names.
 */
public final class TaskSpecs {

    /** The spec's field paths as the request names them. */
    private static final Map<String, String> REQUEST_FIELDS = Map.ofEntries(
            Map.entry("spec.skill", "skill_name"),
            Map.entry("spec.mode", "task_type"),
            Map.entry("spec.params", "params"),
            Map.entry("spec.dependsOn", "depends_on"),
            Map.entry("spec.priority", "priority"),
            Map.entry("spec.scope.userIds", "scope.user_ids"),
            Map.entry("spec.scope.from", "scope.from"),
            Map.entry("spec.scope.to", "scope.to"),
            Map.entry("spec.scope", "scope"),
            Map.entry("spec.resources", "resources"),
            Map.entry("spec.maxRetries", "max_retries"),
            Map.entry("spec.backoffSeconds", "backoff_seconds"),
            Map.entry("spec.deadlineSeconds", "deadline_seconds"),
            Map.entry("spec.batchSize", "batch_size"),
            Map.entry("spec.parallelism", "parallelism"));

    private TaskSpecs() {
    }

    static Skill skill(String skillName, String field) {
        if (skillName == null || skillName.isBlank()) {
            throw ApiException.invalid(field, "required: one of " + knownSkills());
        }
        return Skill.fromId(skillName).orElseThrow(() -> ApiException.invalid(field,
                "unknown skill '" + skillName + "'; known: " + knownSkills()));
    }

    static TaskMode mode(String taskType, String field) {
        if (taskType == null) {
            return TaskMode.INCREMENTAL;
        }
        try {
            return TaskMode.valueOf(taskType);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be INCREMENTAL or FULL_RECOMPUTE, got '" + taskType + "'");
        }
    }

    /** The spec of a request whose dependencies are already resolved to task names. */
    public static AnalysisTaskSpec spec(TaskRequest request, List<String> dependencyNames) {
        AnalysisTaskSpec spec = new AnalysisTaskSpec();
        spec.setSkill(skill(request.skillName(), "skill_name"));
        spec.setMode(mode(request.taskType(), "task_type"));
        spec.setParams(request.params() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(request.params()));
        spec.setDependsOn(dependencyNames);
        if (request.priority() != null) {
            spec.setPriority(request.priority());
        }
        spec.setScope(scope(request.scope()));
        spec.setResources(request.resources());
        if (request.maxRetries() != null) {
            spec.setMaxRetries(request.maxRetries());
        }
        if (request.backoffSeconds() != null) {
            spec.setBackoffSeconds(request.backoffSeconds());
        }
        spec.setDeadlineSeconds(request.deadlineSeconds());
        if (request.batchSize() != null) {
            spec.setBatchSize(request.batchSize());
        }
        if (request.parallelism() != null) {
            spec.setParallelism(request.parallelism());
        }
        return spec;
    }

    /**
     * Fails with the first violation of the spec, named as the request names it.
     *
     * @param paramsField how the request names the skill's parameters: "params", or "params.<skill>" in a chain
     */
    public static void validate(String paramsField, AnalysisTaskSpec spec) {
        List<FieldViolation> violations = TaskSpecValidation.validate("new", spec);
        if (!violations.isEmpty()) {
            FieldViolation first = violations.get(0);
            String others = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more: "
                    + violations.subList(1, violations.size()).stream().map(v -> requestField(paramsField, v.field()))
                    .collect(Collectors.joining(", ")) + ")" : "";
            throw ApiException.invalid(requestField(paramsField, first.field()), first.message() + others);
        }
    }

    static String requestField(String paramsField, String specField) {
        String best = REQUEST_FIELDS.keySet().stream().filter(key -> specField.equals(key)
                        || specField.startsWith(key + ".") || specField.startsWith(key + "["))
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
        if (best == null) {
            return specField;
        }
        String name = best.equals("spec.params") ? paramsField : REQUEST_FIELDS.get(best);
        return name + specField.substring(best.length());
    }

    private static TaskScope scope(TaskRequest.ScopeRequest request) {
        if (request == null) {
            return null;
        }
        TaskScope scope = new TaskScope();
        if (request.userIds() != null) {
            scope.setUserIds(request.userIds());
        }
        scope.setFrom(request.from());
        scope.setTo(request.to());
        return scope;
    }

    private static String knownSkills() {
        return Arrays.stream(Skill.values()).map(Skill::id).collect(Collectors.joining(", "));
    }
}
