package dev.tracks.analysis.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a task is in its life; Kubernetes-style capitalised names on the wire. */
public enum TaskPhase {
    /** Accepted, not looked at by the operator yet. */
    @JsonProperty("Pending") PENDING,
    /** Waiting for the tasks it depends on to succeed. */
    @JsonProperty("Waiting") WAITING,
    /** Ready to run, waiting for a free slot (admission by priority, then age). */
    @JsonProperty("Queued") QUEUED,
    /** Its Job is running. */
    @JsonProperty("Running") RUNNING,
    @JsonProperty("Succeeded") SUCCEEDED,
    @JsonProperty("Failed") FAILED,
    @JsonProperty("Cancelled") CANCELLED;

    /** The name on the wire and in messages, e.g. {@code Running}. */
    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** True for the phases a task never leaves. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
