package dev.tracks.analysis.worker.footprint;

/**
 * A stay as footprint_stats reads it: the stay with the location stay_stats clustered it into.
 *
 * @param id the stay's id
 * @param startMillis arrival, epoch milliseconds
 * @param endMillis departure, epoch milliseconds
 * @param lat the stay's own position, degrees
 * @param lon the stay's own position, degrees
 * @param locationId the stay's location (stay_stats), or {@link #NO_LOCATION} for an unclustered stay, which then
 *     counts as a location of its own identified by its exact coordinates, as scikit-mobility identifies locations
 */
public record VisitedStay(long id, long startMillis, long endMillis, double lat, double lon, long locationId) {

    public static final long NO_LOCATION = -1;

    public long durationMillis() {
        return endMillis - startMillis;
    }
}
