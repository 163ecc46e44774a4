package dev.tracks.analysis.worker.persona;

/** A user's mobility label, decided in this order (first match wins). */
public enum PersonaLabel {
    /** No stays: nothing to profile. */
    NO_DATA,
    /** Fewer distinct locations than minLocations: returner or explorer needs places to move between. */
    STATIONARY,
    /** Pappalardo et al. 2015: the k most visited locations span most of the radius of gyration. */
    RETURNER,
    /** Pappalardo et al. 2015: the radius of gyration comes from beyond the k most visited locations. */
    EXPLORER
}
