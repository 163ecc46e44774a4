package dev.tracks.analysis.worker.footprint;

/**
 * One user's mobility footprint over stays. Distances in metres (scikit-mobility reports kilometres). Measures that
 * need at least one stay are NaN, and {@code home} is null, when there is none.
 *
 * @param stayCount number of stays
 * @param locationCount number of distinct locations (skmob number_of_locations)
 * @param distinctCells number of distinct grid cells visited (from grid_system, passed through)
 * @param radiusOfGyrationMeters count-weighted radius of gyration of the stays (trackintel method="count")
 * @param durationRadiusOfGyrationMeters duration-weighted radius of gyration of the stays (method="duration");
 *     NaN when all stays last 0 ms
 * @param kRadiusOfGyrationMeters radius of gyration over the k most visited locations (skmob)
 * @param randomEntropy log2 of the number of locations (skmob random_entropy)
 * @param uncorrelatedEntropy Shannon entropy in bits of the locations' visit shares (skmob uncorrelated_entropy,
 *     normalize=False)
 * @param jumpLengthsMeters distances between consecutive stays (trackintel jump_length; max = skmob
 *     maximum_distance)
 * @param home the most visited location at night (skmob home_location)
 * @param maxDistanceFromHomeMeters farthest location visited from home (skmob max_distance_from_home)
 */
public record Footprint(int stayCount, int locationCount, long distinctCells, double radiusOfGyrationMeters,
                        double durationRadiusOfGyrationMeters, double kRadiusOfGyrationMeters, double randomEntropy,
                        double uncorrelatedEntropy, Distribution jumpLengthsMeters, HomeLocation home,
                        double maxDistanceFromHomeMeters) {
}
