package dev.tracks.analysis.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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
    /** An attempt failed and the next starts after the backoff; status.lastFailure says why. Keeps its slot. */
    @JsonProperty("Retrying") RETRYING,
    @JsonProperty("Succeeded") SUCCEEDED,
    @JsonProperty("Failed") FAILED,
    @JsonProperty("Cancelled") CANCELLED;

    /** The name on the wire and in messages, e.g. {@code Running}. */
    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The phase with this name on the wire (as {@link #displayName} gives it), ignoring case. */
    public static Optional<TaskPhase> fromDisplayName(String name) {
        return Arrays.stream(values()).filter(phase -> phase.displayName().equalsIgnoreCase(name)).findFirst();
    }

    /** The phase with this name on the wire; fails naming the phases there are. */
    public static TaskPhase of(String name) {
        return fromDisplayName(name).orElseThrow(() -> new IllegalArgumentException("unknown task phase '" + name
                + "': one of " + Arrays.stream(values()).map(TaskPhase::displayName).toList()));
    }

    /**
     * True while the task holds one of the slots admission grants: from the start of its first attempt to its end,
     * the backoff between attempts included, so that a retry never has to queue again.
     */
    public boolean holdsSlot() {
        return this == RUNNING || this == RETRYING;
    }

    /** True for the phases a task never leaves: the one definition of a finished task. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
