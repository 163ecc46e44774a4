package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.worker.store.TimeRange;
import dev.tracks.analysis.worker.store.Watermark;
import java.time.Instant;

/**
 * Where one user's run starts and ends: a pure decision from the watermark, the late points, the scope and what the
 * skills it depends on have analyzed.
 *
 * @param read the points to read
 * @param analyzeFrom fixes before this time are context only (null: analyze all that is read)
 * @param analyzeFromInclusive whether a fix at exactly analyzeFrom is analyzed
 * @param clears whether the skill's earlier results are replaced
 * @param clearFrom if so, those at or after this time (null: all of the user's)
 * @param finalBefore results may be final only before this time (a dependency's provisional results start there);
 *     null: no such limit
 */
record UserRun(TimeRange read, Instant analyzeFrom, boolean analyzeFromInclusive, boolean clears, Instant clearFrom,
               Instant finalBefore) {

    /**
     * @param mark the skill's watermark for the user, null when it never ran for them (or for a full recompute)
     * @param earliestLate the earliest late point, or null
     * @param dependenciesRead the earliest last-analyzed time among the dependencies (null: no dependencies)
     * @param dependenciesFinal the earliest resume point among the dependencies (null: none pending)
     */
    static UserRun plan(TimeRange scope, Watermark mark, Instant earliestLate, Instant dependenciesRead,
                        Instant dependenciesFinal) {
        TimeRange read = scope.endingAt(dependenciesRead);
        if (mark == null || earliestLate != null) {
            // Late points: the simplest exact answer is to recompute the user's scope from its start.
            return new UserRun(read, null, true, true, scope.from(), dependenciesFinal);
        }
        Instant analyzeFrom = mark.resumeFrom() != null ? mark.resumeFrom() : mark.lastRecordedAt();
        boolean inclusive = mark.resumeFrom() != null;
        TimeRange fromContext = mark.contextFrom() != null ? read.startingAt(mark.contextFrom())
                : inclusive ? read.startingAt(analyzeFrom) : read.after(analyzeFrom);
        return new UserRun(fromContext, analyzeFrom, inclusive, inclusive, mark.resumeFrom(), dependenciesFinal);
    }

    /** Whether a fix at {@code time} is to be analyzed (not only context). */
    boolean analyzes(Instant time) {
        return analyzeFrom == null || (analyzeFromInclusive ? !time.isBefore(analyzeFrom) : time.isAfter(analyzeFrom));
    }
}
