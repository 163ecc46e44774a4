package dev.tracks.analysis.worker.streak;

import java.util.Locale;

/** What makes a local day count in a streak. */
public enum StreakKind {
    /** At least {@code minTripsPerDay} trips start on the day. */
    TRIPS,
    /** At least {@code minFixesPerDay} fixes are recorded on the day. */
    FIXES;

    /** The value of the {@code kind} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
