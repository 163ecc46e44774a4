package dev.tracks.analysis.worker.annotation;

/** The view that gives a location its stored role (the catalog's {@code method} choice). */
public enum RoleMethod {
    /** trackintel {@code location_identifier(method="FREQ")}: most stay time home, second most work. */
    FREQ,
    /** trackintel {@code location_identifier(method="OSNA")}: weekday rest and leisure time home, office hours work. */
    OSNA,
    /** scikit-mobility {@code home_location}'s night window 22:00-07:00, as time: most night time home, no work. */
    NIGHT
}
