package dev.tracks.analysis.worker.location;

/** The activity label trackintel's location_identifier gives a location. */
public enum LocationRole {
    HOME,
    WORK,
    OTHER
}
