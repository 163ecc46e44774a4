package dev.tracks.analysis.worker.direction;

/**
 * The headings of one scope: a user's steps, or one trip's. Undefined values are NaN.
 *
 * @param tripId the trip, or null for the user's scope
 * @param steps steps counted (at least minStepMeters, not across a recording gap)
 * @param distanceMeters their summed length
 * @param meanBearingDegrees length-weighted circular mean bearing, [0, 360) clockwise from north; NaN when the
 *     resultant vanishes (no steps, or perfectly balanced directions)
 * @param resultantLength mean resultant length R, 0 (no preferred direction) to 1 (all steps one way)
 * @param rayleighP p value of the Rayleigh test of uniformity
 * @param sectorMeters distance per compass sector, N, NE, E, SE, S, SW, W, NW
 */
public record DirectionalBias(
        Long tripId,
        long startMillis,
        long endMillis,
        int steps,
        double distanceMeters,
        double meanBearingDegrees,
        double resultantLength,
        double rayleighP,
        double[] sectorMeters) {

    boolean isUser() {
        return tripId == null;
    }
}
