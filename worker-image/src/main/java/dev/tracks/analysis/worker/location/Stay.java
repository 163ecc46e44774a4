package dev.tracks.analysis.worker.location;

/**
 * A stay as stay_stats reads it: the stay detection's result, reduced to what clustering needs.
 *
 * @param id the stay's id (stored stays' primary key)
 * @param startMillis arrival, epoch milliseconds
 * @param endMillis departure, epoch milliseconds (at least {@code startMillis})
 * @param lat the stay's position, degrees
 * @param lon the stay's position, degrees
 */
public record Stay(long id, long startMillis, long endMillis, double lat, double lon) {

    public long durationMillis() {
        return endMillis - startMillis;
    }
}
