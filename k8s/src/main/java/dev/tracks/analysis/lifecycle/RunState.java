package dev.tracks.analysis.lifecycle;

import java.time.Instant;

/**
 * What the execution of a task is doing: a Job in a cluster, a local process in the local mode. Only what the
 * lifecycle decision needs.
 */
public sealed interface RunState {

    /** Nothing runs for the task (never started, or its run was removed). */
    record NotStarted() implements RunState {
    }

    /** The run exists and has not finished; {@code attempts} counts the workers started, retries included. */
    record Active(int attempts, Instant startedAt) implements RunState {
    }

    record Succeeded(int attempts, Instant startedAt, Instant finishedAt) implements RunState {
    }

    /**
     * The run gave up. {@code reason} is the Job's (BackoffLimitExceeded, DeadlineExceeded, PodFailurePolicy...);
     * {@code message} says why, with the last worker's termination message when there is one.
     */
    record Failed(int attempts, Instant startedAt, Instant finishedAt, String reason, String message)
            implements RunState {
    }
}
