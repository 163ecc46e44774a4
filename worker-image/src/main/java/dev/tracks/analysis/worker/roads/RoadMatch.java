package dev.tracks.analysis.worker.roads;

import java.util.Map;

/**
 * The road route HMM map matching found for a sequence of fixes.
 *
 * @param lengthMeters length of the matched route
 * @param lengthByClass the same length split by road class (OSM highway values, links counted as their road), largest
 *     first
 */
public record RoadMatch(double lengthMeters, Map<String, Double> lengthByClass) {
}
