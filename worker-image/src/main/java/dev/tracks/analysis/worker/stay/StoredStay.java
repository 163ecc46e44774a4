package dev.tracks.analysis.worker.stay;

/**
 * A stay as stay detection stored it, as the skills built on stays read it (see {@link StaysTable#read}).
 *
 * @param id the stay's id (stored stays' primary key)
 * @param startMillis arrival, epoch milliseconds
 * @param endMillis departure, epoch milliseconds (at least {@code startMillis})
 * @param lat the stay's position, degrees
 * @param lon the stay's position, degrees
 */
public record StoredStay(long id, long startMillis, long endMillis, double lat, double lon) {

    public long durationMillis() {
        return endMillis - startMillis;
    }
}
