package dev.tracks.analysis.worker.roadoverlap;

/**
 * Parameters of road_overlap, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param maxDistanceMeters a fix closer than this to a road is near the road
 * @param candidateRadiusMeters a fix with no road this close is off-road: not matched, and it splits the trip
 * @param sigmaMeters standard deviation of the GPS error (the HMM's emission probability)
 * @param beta scale in metres of the HMM's transition probability
 */
public record RoadOverlapParams(double maxDistanceMeters, double candidateRadiusMeters, double sigmaMeters,
                                double beta) {
}
