package dev.tracks.analysis.worker.complexity;

/**
 * One trip's path complexity. Measures that cannot be computed are NaN, and {@code note} says why.
 *
 * @param fixCount the trip's fixes
 * @param pathMeters length of the path through the trip's fixes, in the local plane
 * @param stepMeters the step length of the rediscretized path
 * @param steps steps of the path rediscretized to the step length
 * @param sinuosity Benhamou's corrected sinuosity, per square root of a metre (0 for a straight path)
 * @param fractalDimension dividers' fractal dimension, 1 for a straight path, towards 2 for one that fills the plane
 * @param eMax E_max-a, dimensionless, larger for straighter paths
 * @param directionalChangeMean mean directional change, degrees per second
 * @param directionalChangeSd its sample standard deviation (SDDC)
 * @param note why measures are NaN ({@link PathComplexities}' reasons, joined by commas), or null when none is
 */
public record PathComplexity(
        long tripId,
        long startMillis,
        long endMillis,
        int fixCount,
        double pathMeters,
        double stepMeters,
        int steps,
        double sinuosity,
        double fractalDimension,
        double eMax,
        double directionalChangeMean,
        double directionalChangeSd,
        String note) {
}
