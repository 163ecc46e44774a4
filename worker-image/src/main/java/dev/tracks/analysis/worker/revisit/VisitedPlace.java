package dev.tracks.analysis.worker.revisit;

/**
 * A location of stay_stats as revisit_pattern needs it.
 *
 * @param lat the location's centre, degrees: skmob groups by position, and breaks frequency ties by it
 * @param lon the location's centre, degrees
 */
public record VisitedPlace(int locationId, double lat, double lon) {
}
