package dev.tracks.analysis.worker.roadoverlap;

import java.util.Map;

/**
 * A trip's overlap with the road network.
 *
 * @param method how the overlap was measured
 * @param fixCount the trip's fixes
 * @param sampledFixes the fixes 2 sigma apart (the first, each more than 2 sigma from the previous one kept, the
 *     last), over which lengths and shares are taken
 * @param gpsLengthMeters length of the polyline through the sampled fixes
 * @param matchedLengthMeters length of the matched road route (NaN when the method is proximity)
 * @param matchedByClass that length per road class, largest first (empty when the method is proximity)
 * @param nearFixes sampled fixes within maxDistanceMeters of a road
 * @param nearByClass the same per class of the nearest road, largest first
 */
public record TripOverlap(long tripId, long startMillis, long endMillis, Method method, int fixCount,
                          int sampledFixes, double gpsLengthMeters, double matchedLengthMeters,
                          Map<String, Double> matchedByClass, int nearFixes, Map<String, Integer> nearByClass) {

    /** How a trip's overlap was measured. */
    public enum Method {
        /** HMM map matching of the trip's fixes near roads. */
        MAP_MATCHING,
        /** Matching broke (or the trip has no two consecutive fixes near roads): the near fixes only. */
        PROXIMITY;

        /** The value of road_overlaps.method. */
        public String id() {
            return this == MAP_MATCHING ? "map_matching" : "proximity";
        }
    }
}
