package dev.tracks.analysis.api.local;

/**
 * Where tasks live and run: {@code tracks.api.mode}. KUBERNETES (the default): AnalysisTask resources that the
 * operator runs as Jobs. LOCAL: the same resources kept in PostgreSQL and run as worker processes on this machine by
 * {@link LocalController}, for a laptop without a cluster.
 */
public enum ApiMode {
    KUBERNETES,
    LOCAL;

    /** The configuration property that chooses the mode. */
    public static final String PROPERTY = "tracks.api.mode";
}
