package dev.tracks.analysis.worker.zone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The time zone that defines a user's local day at some place and time, and where it came from. */
public record LocalZone(ZoneId zone, ZoneSource source) {

    /** The local calendar date of {@code time} in this zone. */
    public LocalDate date(Instant time) {
        return LocalDate.ofInstant(time, zone);
    }

    /** The local calendar date of a time in epoch milliseconds. */
    public LocalDate date(long epochMillis) {
        return date(Instant.ofEpochMilli(epochMillis));
    }
}
