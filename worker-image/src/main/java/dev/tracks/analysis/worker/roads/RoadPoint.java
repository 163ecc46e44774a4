package dev.tracks.analysis.worker.roads;

/**
 * A point on an edge of the road graph, as snapping finds it for a query position.
 *
 * @param edge the edge
 * @param offsetMeters how far along the edge's shape from its first node
 * @param distanceMeters how far from the query position (haversine)
 */
record RoadPoint(int edge, double offsetMeters, double distanceMeters, double lat, double lon) {
}
