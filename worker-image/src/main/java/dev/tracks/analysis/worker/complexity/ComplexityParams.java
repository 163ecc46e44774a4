package dev.tracks.analysis.worker.complexity;

/**
 * Parameters of the spatial_complexity skill, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param stepLengthMeters the step length of the rediscretized path (trajr {@code TrajRediscretize}'s {@code R}), and
 *     the smallest divider of the fractal dimension: below some tens of metres a GPS path's detail is mostly noise
 */
public record ComplexityParams(double stepLengthMeters) {
}
