package dev.tracks.analysis.worker.location;

/**
 * A cluster of one user's stays: a place the user comes back to.
 *
 * @param locationId 0, 1, ... per user in the order of the first visit
 * @param lat centre: mean latitude of the distinct stay positions
 * @param lon centre: mean longitude of the distinct stay positions, unwrapped across the antimeridian
 * @param visitCount number of stays at the location
 * @param totalDwellMillis sum of the stays' durations
 * @param firstVisitMillis earliest stay start
 * @param lastVisitMillis latest stay end
 * @param role home, work (trackintel FREQ) or other
 */
public record Location(int locationId, double lat, double lon, int visitCount, long totalDwellMillis,
                       long firstVisitMillis, long lastVisitMillis, LocationRole role) {

    Location withRole(LocationRole newRole) {
        return new Location(locationId, lat, lon, visitCount, totalDwellMillis, firstVisitMillis, lastVisitMillis,
                newRole);
    }
}
