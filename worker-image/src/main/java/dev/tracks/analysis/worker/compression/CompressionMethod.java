package dev.tracks.analysis.worker.compression;

/** A way to compress a trip's track, named as in the {@code method} column of compressed_tracks. */
public enum CompressionMethod {
    /** Top-down time-ratio (Meratnia & de By 2004): Douglas-Peucker on the time-synchronised Euclidean distance. */
    TD_TR,
    /** Douglas & Peucker 1973 on the distance from the segment between the section's ends, time ignored. */
    DOUGLAS_PEUCKER,
    /** scikit-mobility {@code compress}: fixes within the radius of a group's first fix merged into their median. */
    SKMOB_RADIUS
}
