package dev.tracks.analysis.worker.speedspace;

/**
 * Parameters of speed_space_coupling, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param minFixesPerCell cells with fewer moving fixes get no speed profile
 * @param movingSpeedKmh a fix is moving when the step from the previous fix is faster than this
 * @param maxGapSeconds a step from the previous fix longer than this is a recording gap: its fix has no speed
 */
public record SpeedSpaceParams(int minFixesPerCell, double movingSpeedKmh, int maxGapSeconds) {
}
