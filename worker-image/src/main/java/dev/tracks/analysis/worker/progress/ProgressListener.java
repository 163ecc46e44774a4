package dev.tracks.analysis.worker.progress;

/** Where progress goes: the task's status, the analysis_tasks row, the console. */
@FunctionalInterface
public interface ProgressListener {

    /** @param last true for the final report of the run */
    void report(ProgressSnapshot progress, boolean last);

    default ProgressListener and(ProgressListener other) {
        return (progress, last) -> {
            report(progress, last);
            other.report(progress, last);
        };
    }
}
