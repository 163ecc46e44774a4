package dev.tracks.analysis.worker.failure;

import dev.tracks.analysis.task.WorkerContract;

/**
 * A failure with the exit code that tells the operator whether another attempt can help: invalid parameters, an
 * unimplemented skill or bad data are {@link WorkerContract#EXIT_NOT_RETRYABLE}; an unreachable database or API are
 * {@link WorkerContract#EXIT_TRANSIENT}.
 */
public final class WorkerFailure extends RuntimeException {

    private final int exitCode;

    private WorkerFailure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static WorkerFailure notRetryable(String message) {
        return new WorkerFailure(message, WorkerContract.EXIT_NOT_RETRYABLE, null);
    }

    public static WorkerFailure transientFailure(String message, Throwable cause) {
        return new WorkerFailure(message, WorkerContract.EXIT_TRANSIENT, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
