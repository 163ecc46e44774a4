package dev.tracks.analysis.task;

import dev.tracks.analysis.skill.SkillCatalog;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a task spec completely, including what the CRD schema cannot express (the skill's parameters from the
 * catalog). The API service runs it before creating a task; the operator runs it again on every task, because a
 * resource may have been admitted under an older CRD.
 */
public final class TaskSpecValidation {

    private static final Pattern TASK_NAME = Pattern.compile(AnalysisTaskSpec.TASK_NAME_PATTERN);

    private TaskSpecValidation() {
    }

    /** All violations of the spec of the task named {@code taskName}; empty when the spec is valid. */
    public static List<FieldViolation> validate(String taskName, AnalysisTaskSpec spec) {
        List<FieldViolation> violations = new ArrayList<>();
        if (spec == null) {
            violations.add(new FieldViolation("spec", "is required"));
            return violations;
        }
        if (spec.getSkill() == null) {
            violations.add(new FieldViolation("spec.skill", "is required; one of the skill catalog"));
        } else {
            SkillCatalog.definition(spec.getSkill()).validate(spec.getParams()).forEach(v ->
                    violations.add(new FieldViolation("spec.params." + v.param(), v.message())));
        }
        checkDependencies(taskName, spec.getDependsOn(), violations);
        checkRange("spec.priority", spec.getPriority(), -AnalysisTaskSpec.MAX_PRIORITY, AnalysisTaskSpec.MAX_PRIORITY,
                violations);
        checkRange("spec.maxRetries", spec.getMaxRetries(), 0, AnalysisTaskSpec.MAX_RETRIES, violations);
        checkRange("spec.backoffSeconds", spec.getBackoffSeconds(), 1, AnalysisTaskSpec.MAX_BACKOFF_SECONDS,
                violations);
        checkRange("spec.deadlineSeconds", spec.getDeadlineSeconds(), AnalysisTaskSpec.MIN_DEADLINE_SECONDS,
                AnalysisTaskSpec.MAX_DEADLINE_SECONDS, violations);
        checkRange("spec.batchSize", spec.getBatchSize(), AnalysisTaskSpec.MIN_BATCH_SIZE,
                AnalysisTaskSpec.MAX_BATCH_SIZE, violations);
        checkRange("spec.parallelism", spec.getParallelism(), 1, AnalysisTaskSpec.MAX_PARALLELISM, violations);
        checkScope(spec.getScope(), violations);
        ResourcesValidation.check("spec.resources", spec.getResources(), violations);
        return violations;
    }

    /**
     * All violations of worker resources given outside a task (the operator's defaults), named from {@code field};
     * the same rules as for {@code spec.resources}.
     */
    public static List<FieldViolation> validateResources(String field, ResourceRequirements resources) {
        List<FieldViolation> violations = new ArrayList<>();
        ResourcesValidation.check(field, resources, violations);
        return violations;
    }

    private static void checkDependencies(String taskName, List<String> dependsOn, List<FieldViolation> out) {
        if (dependsOn == null) {
            return;
        }
        if (dependsOn.size() > AnalysisTaskSpec.MAX_DEPENDENCIES) {
            out.add(new FieldViolation("spec.dependsOn", "must have at most " + AnalysisTaskSpec.MAX_DEPENDENCIES
                    + " entries, got " + dependsOn.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dependsOn.size(); i++) {
            String name = dependsOn.get(i);
            String field = "spec.dependsOn[" + i + "]";
            if (name == null || name.length() > 253 || !TASK_NAME.matcher(name).matches()) {
                out.add(new FieldViolation(field, "must be the name of an AnalysisTask (lower-case RFC 1123"
                        + " subdomain, at most 253 characters), got \"" + name + "\""));
            } else if (name.equals(taskName)) {
                out.add(new FieldViolation(field, "a task cannot depend on itself"));
            } else if (!seen.add(name)) {
                out.add(new FieldViolation(field, "duplicate dependency \"" + name + "\""));
            }
        }
    }

    private static void checkRange(String field, Integer value, int min, int max, List<FieldViolation> out) {
        if (value != null && (value < min || value > max)) {
            out.add(new FieldViolation(field, "must be between " + min + " and " + max + ", got " + value));
        }
    }

    private static void checkScope(TaskScope scope, List<FieldViolation> out) {
        if (scope == null) {
            return;
        }
        List<String> users = scope.getUserIds() == null ? List.of() : scope.getUserIds();
        if (users.size() > TaskScope.MAX_USERS) {
            out.add(new FieldViolation("spec.scope.userIds", "must have at most " + TaskScope.MAX_USERS
                    + " entries, got " + users.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            if (user == null || user.isEmpty() || user.length() > TaskScope.MAX_USER_ID_LENGTH) {
                out.add(new FieldViolation("spec.scope.userIds[" + i + "]", "must be a user id of 1 to "
                        + TaskScope.MAX_USER_ID_LENGTH + " characters"));
            } else if (!seen.add(user)) {
                out.add(new FieldViolation("spec.scope.userIds[" + i + "]", "duplicate user id \"" + user + "\""));
            }
        }
        Optional<OffsetDateTime> from = parseTime("spec.scope.from", scope.getFrom(), out);
        Optional<OffsetDateTime> to = parseTime("spec.scope.to", scope.getTo(), out);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            out.add(new FieldViolation("spec.scope.to", "must be after spec.scope.from (" + scope.getFrom()
                    + "), got " + scope.getTo()));
        }
    }

    private static Optional<OffsetDateTime> parseTime(String field, String value, List<FieldViolation> out) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            out.add(new FieldViolation(field, "must be an RFC 3339 time such as 2026-01-31T00:00:00Z, got \""
                    + value + "\""));
            return Optional.empty();
        }
    }
}
