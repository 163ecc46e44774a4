package dev.tracks.analysis.worker.revisit;

import java.time.ZoneId;

/**
 * A location of stay_stats as revisit_pattern needs it.
 *
 * @param lat the location's centre, degrees: skmob groups by position, and breaks frequency ties by it
 * @param lon the location's centre, degrees
 * @param zone the zone in which its visits' local days are counted
 */
public record VisitedPlace(int locationId, double lat, double lon, ZoneId zone) {
}
