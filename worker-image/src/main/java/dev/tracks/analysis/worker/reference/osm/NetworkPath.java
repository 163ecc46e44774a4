package dev.tracks.analysis.worker.reference.osm;

/**
 * A shortest path through a network of an OSM load: the positions of its vertices in order, from the vertex nearest
 * the start to the one nearest the end.
 */
public record NetworkPath(double[] lats, double[] lons) {
}
