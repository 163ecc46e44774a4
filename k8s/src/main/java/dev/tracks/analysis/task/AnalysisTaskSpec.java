package dev.tracks.analysis.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracks.analysis.skill.Skill;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.crd.generator.annotation.SelectableField;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the task should do. Bounds are constants so that the CRD and {@link TaskSpecValidation} share them.
 *
 * <p>Every optional field has an accessor with the default the CRD declares ({@code priorityOrDefault()}, ...), for
 * a spec that did not come through the API server (the local mode, a test, a client-side object). Their names are not
 * bean getters, so Jackson and the CRD generator do not see them: the schema has only the fields below.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = SchemaMerge.class, input = AnalysisTaskSpec.SCHEMA)
@SchemaCustomizer(ResourcesSchema.class)
public class AnalysisTaskSpec {

    public static final int DEFAULT_PRIORITY = 0;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    public static final int MIN_BATCH_SIZE = 10;
    public static final int MAX_BATCH_SIZE = 100_000;
    public static final int MAX_PARALLELISM = 64;
    public static final int MAX_DEPENDENCIES = 64;
    public static final int MAX_PRIORITY = 1000;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int MAX_RETRIES = 20;
    public static final int DEFAULT_BACKOFF_SECONDS = 30;
    public static final int MAX_BACKOFF_SECONDS = 3600;
    public static final int MIN_DEADLINE_SECONDS = 60;
    public static final int MAX_DEADLINE_SECONDS = 7 * 24 * 3600;

    /** Names of tasks are DNS subdomains (RFC 1123), as Kubernetes requires of object names; no backslash, so it can
     * sit in JSON unescaped. */
    public static final String TASK_NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** dependsOn is a set (the API server rejects duplicates) of bounded, well-formed task names; params an object. */
    static final String SCHEMA = "{\"properties\":{"
            + "\"params\":{\"type\":\"object\"},"
            + "\"dependsOn\":{\"x-kubernetes-list-type\":\"set\","
            + "\"items\":{\"maxLength\":253,\"pattern\":\"" + TASK_NAME_PATTERN + "\"}}}}";

    @Required
    @SelectableField
    @ValidationRule(value = "self == oldSelf", message = "skill is immutable: create a new AnalysisTask instead")
    @JsonPropertyDescription("The analysis skill to run, one of the skill catalog.")
    private Skill skill;

    @Default("INCREMENTAL")
    @SelectableField
    @JsonPropertyDescription("INCREMENTAL analyzes only points after each user's watermark; FULL_RECOMPUTE replaces"
            + " the skill's results for the scope atomically.")
    private TaskMode mode = TaskMode.INCREMENTAL;

    @PreserveUnknownFields
    @SchemaFrom(type = JsonNode.class)
    @JsonPropertyDescription("The skill's parameters (names, types, defaults and bounds are listed by the skill"
            + " catalog); unknown or invalid parameters fail the task with reason InvalidSpec.")
    private Map<String, Object> params = new LinkedHashMap<>();

    @Size(max = MAX_DEPENDENCIES)
    @JsonPropertyDescription("Names of AnalysisTasks in the same namespace that must succeed before this one starts.")
    private List<String> dependsOn = new ArrayList<>();

    @Default("" + DEFAULT_PRIORITY)
    @Min(-MAX_PRIORITY)
    @Max(MAX_PRIORITY)
    @JsonPropertyDescription("Admission order among ready tasks: higher first, then older first.")
    private Integer priority = DEFAULT_PRIORITY;

    @JsonPropertyDescription("Requests and limits of the worker container: cpu, memory, ephemeral-storage,"
            + " nvidia.com/gpu, amd.com/gpu; a request at most its limit. Per-skill defaults when absent or empty.")
    private ResourceRequirements resources;

    @Default("" + DEFAULT_MAX_RETRIES)
    @Min(0)
    @Max(MAX_RETRIES)
    @JsonPropertyDescription("How often a failed worker is retried, each attempt a Job of its own; invalid parameters"
            + " never are.")
    private Integer maxRetries = DEFAULT_MAX_RETRIES;

    @Default("" + DEFAULT_BACKOFF_SECONDS)
    @Min(1)
    @Max(MAX_BACKOFF_SECONDS)
    @JsonPropertyDescription("Delay before the first retry, in seconds; doubled for each further retry, at most an"
            + " hour.")
    private Integer backoffSeconds = DEFAULT_BACKOFF_SECONDS;

    @Min(MIN_DEADLINE_SECONDS)
    @Max(MAX_DEADLINE_SECONDS)
    @JsonPropertyDescription("Maximum running time of the task, in seconds, retries included; none when absent.")
    private Integer deadlineSeconds;

    @Default("" + DEFAULT_BATCH_SIZE)
    @Min(MIN_BATCH_SIZE)
    @Max(MAX_BATCH_SIZE)
    @JsonPropertyDescription("Points per batch; each batch commits together with its watermark.")
    private Integer batchSize = DEFAULT_BATCH_SIZE;

    @Default("" + DEFAULT_PARALLELISM)
    @Min(1)
    @Max(MAX_PARALLELISM)
    @JsonPropertyDescription("Number of shards (pods) that split the users between them.")
    private Integer parallelism = DEFAULT_PARALLELISM;

    @JsonPropertyDescription("Limits the task to some users and/or a time range of points; all points when absent.")
    private TaskScope scope;

    @Default("false")
    @ValidationRule(value = "self || !oldSelf", message = "cancel cannot be withdrawn once set")
    @JsonPropertyDescription("Set to true to cancel the task: its Job is stopped and the phase becomes Cancelled.")
    private Boolean cancel = false;

    /** spec.mode, INCREMENTAL when absent. */
    public TaskMode modeOrDefault() {
        return mode == null ? TaskMode.INCREMENTAL : mode;
    }

    /** spec.params, empty when absent. */
    public Map<String, Object> paramsOrEmpty() {
        return params == null ? Map.of() : params;
    }

    /** spec.dependsOn, empty when absent. */
    public List<String> dependsOnOrEmpty() {
        return dependsOn == null ? List.of() : dependsOn;
    }

    public int priorityOrDefault() {
        return priority == null ? DEFAULT_PRIORITY : priority;
    }

    public int maxRetriesOrDefault() {
        return maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
    }

    public int backoffSecondsOrDefault() {
        return backoffSeconds == null ? DEFAULT_BACKOFF_SECONDS : backoffSeconds;
    }

    public int batchSizeOrDefault() {
        return batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
    }

    public int parallelismOrDefault() {
        return parallelism == null ? DEFAULT_PARALLELISM : parallelism;
    }

    /** spec.scope, if the task is limited to some users or a time range. */
    public Optional<TaskScope> scopeIfAny() {
        return Optional.ofNullable(scope);
    }

    /** spec.resources, if the task asks for any request or limit; an empty object means the defaults as well. */
    public Optional<ResourceRequirements> resourcesIfAny() {
        boolean any = resources != null && !(isEmpty(resources.getRequests()) && isEmpty(resources.getLimits()));
        return any ? Optional.of(resources) : Optional.empty();
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    /** Whether spec.cancel is set. */
    public boolean cancelRequested() {
        return Boolean.TRUE.equals(cancel);
    }

    public Skill getSkill() {
        return skill;
    }

    public void setSkill(Skill skill) {
        this.skill = skill;
    }

    public TaskMode getMode() {
        return mode;
    }

    public void setMode(TaskMode mode) {
        this.mode = mode;
    }

    public Map<String, Object> getParams() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = params;
    }

    public List<String> getDependsOn() {
        return dependsOn;
    }

    public void setDependsOn(List<String> dependsOn) {
        this.dependsOn = dependsOn;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Integer getBackoffSeconds() {
        return backoffSeconds;
    }

    public void setBackoffSeconds(Integer backoffSeconds) {
        this.backoffSeconds = backoffSeconds;
    }

    public Integer getDeadlineSeconds() {
        return deadlineSeconds;
    }

    public void setDeadlineSeconds(Integer deadlineSeconds) {
        this.deadlineSeconds = deadlineSeconds;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Integer getParallelism() {
        return parallelism;
    }

    public void setParallelism(Integer parallelism) {
        this.parallelism = parallelism;
    }

    public TaskScope getScope() {
        return scope;
    }

    public void setScope(TaskScope scope) {
        this.scope = scope;
    }

    public Boolean getCancel() {
        return cancel;
    }

    public void setCancel(Boolean cancel) {
        this.cancel = cancel;
    }
}
