package dev.tracks.analysis.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * The latest attempt of a task that failed: kept in the status while later attempts run and after the task ends, so
 * that a retried task still says why it was retried.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AttemptFailure {

    @JsonPropertyDescription("The attempt that failed, from 1.")
    private Integer attempt;

    @JsonPropertyDescription("Why it failed, in one word: the Job's reason (BackoffLimitExceeded, PodFailurePolicy,"
            + " DeadlineExceeded) or the local run's.")
    private String reason;

    @JsonPropertyDescription("What happened, with the worker's one-line failure reason when it gave one.")
    private String message;

    @JsonPropertyDescription("When the attempt ended (RFC 3339).")
    private String finishedAt;

    public AttemptFailure() {
    }

    public AttemptFailure(Integer attempt, String reason, String message, String finishedAt) {
        this.attempt = attempt;
        this.reason = reason;
        this.message = message;
        this.finishedAt = finishedAt;
    }

    public Integer getAttempt() {
        return attempt;
    }

    public void setAttempt(Integer attempt) {
        this.attempt = attempt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }

    /** "attempt 2 failed: exit code 75: ..." as logs and the admin API's error_message show it. */
    public String describe() {
        return "attempt " + attempt + " failed: " + message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttemptFailure that && Objects.equals(attempt, that.attempt)
                && Objects.equals(reason, that.reason) && Objects.equals(message, that.message)
                && Objects.equals(finishedAt, that.finishedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attempt, reason, message, finishedAt);
    }
}
