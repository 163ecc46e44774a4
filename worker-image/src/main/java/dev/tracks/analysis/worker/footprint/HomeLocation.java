package dev.tracks.analysis.worker.footprint;

/**
 * The home location found by scikit-mobility's rule.
 *
 * @param locationId the location's id; for an unclustered stay's location, {@link VisitedStay#NO_LOCATION}
 * @param lat the location's position
 * @param lon the location's position
 * @param nightVisits the visits counted: night visits, or all visits when {@code fromNight} is false
 * @param fromNight false when the user has no stay starting at night and home is the most visited location overall
 */
public record HomeLocation(long locationId, double lat, double lon, int nightVisits, boolean fromNight) {
}
