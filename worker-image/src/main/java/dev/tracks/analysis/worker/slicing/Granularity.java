package dev.tracks.analysis.worker.slicing;

/** The length of time_space_slicing's local time buckets (the catalog's {@code granularity} choices). */
public enum Granularity {
    /** A local clock hour: 23 of them on a spring-forward day, 25 on a fall-back day. */
    HOUR,
    /** A local calendar day, midnight to midnight: 23 or 25 hours long on a DST change. */
    DAY,
    /** An ISO week, Monday 00:00 to the next Monday 00:00 (local). */
    WEEK,
    /** A local calendar month. */
    MONTH
}
