package dev.tracks.analysis.worker.location;

/**
 * The location a stay belongs to.
 *
 * @param stayId the stay's id
 * @param locationId the {@link Location#locationId()}, or {@link #NOISE} when DBSCAN left the stay unclustered
 *     (only possible with minSamples above 1)
 */
public record StayLocation(long stayId, int locationId) {

    public static final int NOISE = -1;
}
