package dev.tracks.analysis.worker.timeaxis;

import dev.tracks.analysis.worker.location.LocationRole;
import dev.tracks.analysis.worker.zone.LocalZone;
import java.time.LocalDate;

/**
 * One time bin of a user's space-time path.
 *
 * @param date the local day the bin belongs to
 * @param binStartMillis the bin's start
 * @param binSeconds the bin's length
 * @param distanceFromHomeMeters from the home location to the bin's position; null in a gap or without a home
 * @param h3Cell the H3 cell of the bin's position; null in a gap
 * @param locationId the location of a stay bin's stay; null otherwise
 * @param role that location's role; null otherwise
 * @param zone the zone of the local day, and where it came from
 */
public record TimeAxisEntry(LocalDate date, long binStartMillis, int binSeconds, AxisState state,
                            Double distanceFromHomeMeters, Long h3Cell, Integer locationId, LocationRole role,
                            LocalZone zone) {
}
