package dev.tracks.analysis.worker.direction;

/**
 * Parameters of the directional_bias skill, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param minStepMeters a step runs from the end of the previous one to the first fix at least this far away: GPS
 *     jitter while standing still adds no direction, and slow movement sampled often still does
 * @param maxGapSeconds fixes further apart in time are a recording gap: the straight line across it is no observed
 *     movement (a flight, a night without the logger), and the next step starts after it
 */
public record DirectionParams(double minStepMeters, int maxGapSeconds) {
}
