package dev.tracks.analysis.worker.zone;

import java.util.Locale;

/**
 * Where a local day's time zone came from, in the order they are tried; results that count local days name it in
 * their {@code zone_source} column.
 */
public enum ZoneSource {
    /** The user's row in {@code user_time_zones}. */
    USER,
    /** The zone at the fix's position (timezone-boundary-builder polygons through timeshape). */
    LOCATION,
    /** The task's {@code timeZone} parameter: no user setting, and no position (or none the zone map covers). */
    PARAMETER;

    /** The value of a {@code zone_source} column: {@code user}, {@code location} or {@code parameter}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
