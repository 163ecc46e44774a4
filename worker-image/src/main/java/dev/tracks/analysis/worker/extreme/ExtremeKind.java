package dev.tracks.analysis.worker.extreme;

import java.util.Locale;

/** The kinds of record, each with its unit; {@link #column()} is the stored name. */
public enum ExtremeKind {
    MAX_SPEED("km/h"),
    FARTHEST_FROM_HOME("m"),
    LONGEST_JUMP("m"),
    LONGEST_GAP("s"),
    LONGEST_TRIP_DURATION("s"),
    LONGEST_TRIP_DISTANCE("m"),
    HIGHEST_ALTITUDE("m"),
    LOWEST_ALTITUDE("m");

    private final String unit;

    ExtremeKind(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
