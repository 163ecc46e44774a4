package dev.tracks.analysis.task;

/** How a task treats earlier results of its skill. */
public enum TaskMode {
    /** Analyze only the points after each user's watermark (and ranges where late points arrived). */
    INCREMENTAL,
    /** Replace the skill's results for the task's scope atomically. */
    FULL_RECOMPUTE
}
