package dev.tracks.analysis.worker.revisit;

/**
 * How a user comes back to one location.
 *
 * @param visits stays at the location
 * @param days distinct local dates of the visits' starts
 * @param firstMillis start of the first visit
 * @param lastMillis start of the last visit
 * @param medianReturnHours median of the times from one visit's start to the next one's, hours; NaN for one visit
 * @param frequencyRank 1 = most visited
 * @param recencyRank 1 = most recently visited
 */
public record LocationRevisits(int locationId, int visits, int days, long firstMillis, long lastMillis,
                               double medianReturnHours, int frequencyRank, int recencyRank) {
}
