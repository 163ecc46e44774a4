package dev.tracks.analysis.worker.revisit;

/**
 * One point of S(t) (Song et al. 2010): the distinct locations visited up to and including a visit.
 *
 * @param visitIndex 1, 2, ... in the order of the visits' starts
 * @param visitedMillis the visit's start
 * @param hoursSinceFirst hours from the first visit's start to this one's
 * @param locationId the location of this visit
 * @param distinctLocations S: distinct locations among visits 1..visitIndex
 */
public record GrowthStep(int visitIndex, long visitedMillis, double hoursSinceFirst, int locationId,
                         int distinctLocations) {
}
