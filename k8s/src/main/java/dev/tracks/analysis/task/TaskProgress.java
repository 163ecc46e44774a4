package dev.tracks.analysis.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Live progress, written by the worker at most every few seconds and at the end. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskProgress {

    @JsonPropertyDescription("Points to analyze, counted before the first batch.")
    private Long totalPoints;

    @JsonPropertyDescription("Points analyzed and committed so far.")
    private Long processedPoints;

    @JsonPropertyDescription("Points that could not be analyzed (reported, not retried).")
    private Long failedPoints;

    @JsonPropertyDescription("processedPoints / totalPoints in percent.")
    private Double percent;

    @JsonPropertyDescription("Current smoothed throughput.")
    private Double pointsPerSecond;

    @JsonPropertyDescription("Estimated seconds until done, from the smoothed throughput.")
    private Long etaSeconds;

    @JsonPropertyDescription("When the worker last reported (RFC 3339).")
    private String updatedAt;

    public Long getTotalPoints() {
        return totalPoints;
    }

    public void setTotalPoints(Long totalPoints) {
        this.totalPoints = totalPoints;
    }

    public Long getProcessedPoints() {
        return processedPoints;
    }

    public void setProcessedPoints(Long processedPoints) {
        this.processedPoints = processedPoints;
    }

    public Long getFailedPoints() {
        return failedPoints;
    }

    public void setFailedPoints(Long failedPoints) {
        this.failedPoints = failedPoints;
    }

    public Double getPercent() {
        return percent;
    }

    public void setPercent(Double percent) {
        this.percent = percent;
    }

    public Double getPointsPerSecond() {
        return pointsPerSecond;
    }

    public void setPointsPerSecond(Double pointsPerSecond) {
        this.pointsPerSecond = pointsPerSecond;
    }

    public Long getEtaSeconds() {
        return etaSeconds;
    }

    public void setEtaSeconds(Long etaSeconds) {
        this.etaSeconds = etaSeconds;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }
}
