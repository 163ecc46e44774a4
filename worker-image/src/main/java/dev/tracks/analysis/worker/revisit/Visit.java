package dev.tracks.analysis.worker.revisit;

/**
 * One visit: a stay at a location.
 *
 * @param startMillis the stay's start (arrival), epoch milliseconds: skmob's {@code datetime} of a stop
 * @param locationId the location the stay belongs to (stay_stats)
 */
public record Visit(long startMillis, int locationId) {
}
