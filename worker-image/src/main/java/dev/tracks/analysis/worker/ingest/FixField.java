package dev.tracks.analysis.worker.ingest;

/** The fields of a fix that a CSV column or a GeoJSON property can hold. */
public enum FixField {
    USER,
    /** The recorded time: ISO-8601 or epoch seconds/milliseconds (see {@link FixTimes}). */
    TIME,
    /** GeoJSON only: an array property with one time per position of a LineString or MultiPoint. */
    TIMES,
    LAT,
    LON,
    /** Altitude in metres (CSV; in GeoJSON only when the position has no third coordinate). */
    ALTITUDE,
    /** Horizontal accuracy radius in metres. */
    ACCURACY,
    /** Speed in metres per second. */
    SPEED,
    /** Heading in degrees clockwise from north. */
    HEADING,
    /** A transport-mode label. */
    LABEL
}
