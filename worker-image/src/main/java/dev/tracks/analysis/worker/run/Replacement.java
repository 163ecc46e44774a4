package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.worker.store.ResultLineage;
import dev.tracks.analysis.worker.store.TimeRange;
import dev.tracks.analysis.worker.store.Watermark;
import java.time.Instant;
import java.util.Optional;

/**
 * An incremental run that replaces results of a user its dependents may have built on: a pure decision from the
 * user's watermark, its stale mark, the run's parameters and the late points. Appending results for new points, or
 * replacing provisional ones, is no replacement: dependents follow those through their own watermarks.
 *
 * @param cause why the results are replaced
 * @param covered the times of the results the dependents may have built on: those the last run found up to its last
 *     point, provisional ones included (a dependent without new points would keep what it built on them), from the
 *     time the run clears
 * @param seenInvalidatedAt the time of the user's stale mark when the run began, or null
 */
record Replacement(ResultLineage.Cause cause, TimeRange covered, Instant seenInvalidatedAt) {

    /**
     * The watermark a run plans with: none when the results were computed with other parameters or on inputs that
     * changed since, so the user is recomputed from the start of the scope.
     *
     * @param live the user's watermark in skill_watermarks, or null
     */
    static Watermark planningMark(Watermark live, Instant invalidatedAt, String paramsHash) {
        return live == null || invalidatedAt != null || live.computedWithOther(paramsHash) ? null : live;
    }

    /**
     * @param live the user's watermark in skill_watermarks, or null
     * @param invalidatedAt the time of the user's stale mark, or null
     * @param earliestLate the user's earliest late point, or null
     * @param clearFrom where the run clears the user's results (null: all)
     */
    static Optional<Replacement> of(Watermark live, Instant invalidatedAt, String paramsHash, Instant earliestLate,
                                    Instant clearFrom) {
        ResultLineage.Cause cause = live != null && live.computedWithOther(paramsHash)
                ? ResultLineage.Cause.PARAMETERS_CHANGED
                : invalidatedAt != null ? ResultLineage.Cause.INPUTS_CHANGED
                : live != null && earliestLate != null ? ResultLineage.Cause.LATE_POINTS : null;
        if (cause == null) {
            return Optional.empty();
        }
        TimeRange from = clearFrom == null ? TimeRange.ALL : TimeRange.ALL.startingAt(clearFrom);
        TimeRange covered = live == null ? from : from.endingAt(live.lastRecordedAt());
        return Optional.of(new Replacement(cause, covered, invalidatedAt));
    }
}
