package dev.tracks.analysis.worker.progress;

import dev.tracks.analysis.worker.failure.WorkerFailure;

/**
 * What a task's earlier attempts analysed, added to this attempt's reports: an incremental retry resumes after the
 * batches they committed, so without these its progress would count only the rest (the runtimes pass them, see
 * {@code WorkerContract.earlierProgress}).
 */
public record EarlierAttempts(long processedPoints, long failedPoints) {

    public static final EarlierAttempts NONE = new EarlierAttempts(0, 0);

    public EarlierAttempts {
        if (processedPoints < 0 || failedPoints < 0) {
            throw WorkerFailure.notRetryable("earlier attempts' points: must be at least 0, got " + processedPoints
                    + " processed and " + failedPoints + " failed");
        }
    }

    /** {@code listener}, told the whole task's counts instead of this attempt's. */
    public ProgressListener onto(ProgressListener listener) {
        return equals(NONE) ? listener : (progress, last) -> listener.report(add(progress), last);
    }

    ProgressSnapshot add(ProgressSnapshot attempt) {
        long total = attempt.totalPoints() + processedPoints + failedPoints;
        long processed = attempt.processedPoints() + processedPoints;
        return new ProgressSnapshot(total, processed, attempt.failedPoints() + failedPoints,
                total == 0 ? 100.0 : 100.0 * processed / total, attempt.pointsPerSecond(), attempt.etaSeconds(),
                attempt.at());
    }
}
