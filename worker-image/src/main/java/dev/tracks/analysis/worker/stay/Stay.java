package dev.tracks.analysis.worker.stay;

/**
 * A stay point: the user stayed within the distance threshold of the stay's first fix for at least the time
 * threshold.
 *
 * @param startMillis time of the stay's first fix (epoch milliseconds)
 * @param endMillis time of the first fix outside the stay (trackintel {@code finished_at}); for the provisional last
 *     stay ({@code includeLast}) the time of the user's last fix, which then belongs to the stay
 * @param lat arithmetic mean of the latitudes of the stay's distinct coordinates
 * @param lon circular mean of the longitudes of the stay's distinct coordinates, in [-180, 180)
 * @param elevationMeters median of the known altitudes of the stay's fixes; NaN when none is known
 * @param fixCount number of fixes in the stay
 * @param firstFixId id of the stay's first fix
 * @param lastFixId id of the stay's last fix
 */
public record Stay(long startMillis, long endMillis, double lat, double lon, double elevationMeters, int fixCount,
        long firstFixId, long lastFixId) {
}
