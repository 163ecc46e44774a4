package dev.tracks.analysis.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;

/**
 * What is true of the task now. The operator owns all fields but progress and resultSummary (the worker's); both
 * write with server-side apply, each sending only its own fields, so nothing here has a non-null default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = SchemaMerge.class, input = "{\"properties\":{\"resultSummary\":{\"type\":\"object\"}}}")
public class AnalysisTaskStatus {

    private TaskPhase phase;

    @JsonPropertyDescription("Kubernetes-style conditions, each stamped with the generation it describes.")
    private List<Condition> conditions;

    @JsonPropertyDescription("The metadata.generation of the spec the operator last acted on.")
    private Long observedGeneration;

    private TaskProgress progress;

    @JsonPropertyDescription("Worker runs started so far, retries included.")
    private Integer attempts;

    @JsonPropertyDescription("The latest attempt that failed, kept while later attempts run and after the end.")
    private AttemptFailure lastFailure;

    @JsonPropertyDescription("Name of the Job that runs the worker.")
    private String jobName;

    @JsonPropertyDescription("When the Job started (RFC 3339).")
    private String startTime;

    @JsonPropertyDescription("When the task finished (RFC 3339).")
    private String completionTime;

    @PreserveUnknownFields
    @SchemaFrom(type = JsonNode.class)
    @JsonPropertyDescription("A small, skill-specific summary of the results (counts, extents).")
    private Map<String, Object> resultSummary;

    @JsonPropertyDescription("A human-readable explanation of the current phase.")
    private String message;

    public TaskPhase getPhase() {
        return phase;
    }

    public void setPhase(TaskPhase phase) {
        this.phase = phase;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public TaskProgress getProgress() {
        return progress;
    }

    public void setProgress(TaskProgress progress) {
        this.progress = progress;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public AttemptFailure getLastFailure() {
        return lastFailure;
    }

    public void setLastFailure(AttemptFailure lastFailure) {
        this.lastFailure = lastFailure;
    }

    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getCompletionTime() {
        return completionTime;
    }

    public void setCompletionTime(String completionTime) {
        this.completionTime = completionTime;
    }

    public Map<String, Object> getResultSummary() {
        return resultSummary;
    }

    public void setResultSummary(Map<String, Object> resultSummary) {
        this.resultSummary = resultSummary;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
