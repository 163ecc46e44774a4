package dev.tracks.analysis.worker.compression;

/**
 * Parameters of the time_space_compression skill, bound by name from the skill catalog ({@code AdvancedSkills}).
 *
 * @param spatialRadiusMeters the tolerance of every method, in metres: the largest SED of a fix TD-TR drops, the
 *     largest distance from the line of a fix Douglas-Peucker drops, and the radius within which SKMOB_RADIUS merges
 *     fixes. 200 m is scikit-mobility's default ({@code spatial_radius_km=0.2}), kept so that the three methods are
 *     compared at the tolerance the reference uses; a rendering at street level wants 10-20 m
 * @param methods which methods to run (all by default: each costs about one pass over the trip)
 */
public record CompressionParams(double spatialRadiusMeters, CompressionMethods methods) {
}
