package dev.tracks.analysis.reference;

/** What a load did: the load now active for its kind, and whether it was written now or found already there. */
public record LoadOutcome(ReferenceLoad load, Status status) {

    /** Whether the load wrote rows. */
    public enum Status {
        /** The file was parsed and written as a new load, now active. */
        LOADED,
        /** The same file (checksum, kind, options) is the active load already: nothing changed. */
        UNCHANGED,
        /** The same file was loaded before and replaced since: that load is active again, nothing was parsed. */
        REACTIVATED
    }
}
