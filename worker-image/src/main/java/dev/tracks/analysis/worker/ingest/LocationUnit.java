package dev.tracks.analysis.worker.ingest;

/** What the location of a {@link Rejection} counts. */
public enum LocationUnit {
    /** The 1-based physical line of the file (CSV, PLT; for GPX the line of the point's start tag). */
    LINE,
    /** The 0-based index of the feature in a GeoJSON FeatureCollection ({@code features[i]}; 0 for a lone Feature). */
    FEATURE
}
