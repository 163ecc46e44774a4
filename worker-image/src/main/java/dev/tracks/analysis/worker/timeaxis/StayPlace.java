package dev.tracks.analysis.worker.timeaxis;

import dev.tracks.analysis.worker.location.LocationRole;

/**
 * A stay with the place it belongs to, as the time axis needs it.
 *
 * @param startMillis arrival (the stay's first fix)
 * @param endMillis departure (the first fix after the stay)
 * @param locationId the location that holds the stay, or null when none does
 * @param role that location's role, or null
 */
public record StayPlace(long startMillis, long endMillis, double lat, double lon, Integer locationId,
                        LocationRole role) {
}
