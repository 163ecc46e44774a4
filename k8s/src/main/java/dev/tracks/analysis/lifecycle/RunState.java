package dev.tracks.analysis.lifecycle;

import java.time.Instant;

/**
 * What the execution of a task is doing: a Job in a cluster, a local process in the local mode. Only what the
 * lifecycle decision needs.
 */
public sealed interface RunState {

    /** Workers started so far, retries included; 0 before the first. */
    int attempts();

    /** When the first attempt started; null before it. */
    Instant startedAt();

    /** Nothing runs for the task (never started, or its run was removed). */
    record NotStarted() implements RunState {
        @Override
        public int attempts() {
            return 0;
        }

        @Override
        public Instant startedAt() {
            return null;
        }
    }

    /** The run exists and has not finished. */
    record Active(int attempts, Instant startedAt) implements RunState {
    }

    /** The latest attempt ended. */
    sealed interface Finished extends RunState {
        Instant finishedAt();
    }

    record Succeeded(int attempts, Instant startedAt, Instant finishedAt) implements Finished {
    }

    /**
     * The run gave up. {@code reason} is the Job's (BackoffLimitExceeded, DeadlineExceeded, PodFailurePolicy...);
     * {@code message} says why, with the last worker's termination message when there is one. Local runs use the
     * same reasons for the cases the lifecycle acts on.
     */
    record Failed(int attempts, Instant startedAt, Instant finishedAt, String reason, String message)
            implements Finished {

        /** The worker exited with the not-retryable code (a Job's pod failure policy matched it). */
        public static final String NOT_RETRYABLE = "PodFailurePolicy";
        /** The run outlived the task's deadline. */
        public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
    }
}
