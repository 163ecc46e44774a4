package dev.tracks.analysis.worker.rendering;

/**
 * The track simplified for one zoom level.
 *
 * @param zoom the web map zoom level
 * @param pointCount number of vertices kept
 * @param polyline the kept vertices as an encoded polyline, precision 5, latitude first; longitudes are unwrapped
 *     (they may leave [-180, 180) after crossing the antimeridian) so that the line stays continuous
 */
public record ZoomGeometry(int zoom, int pointCount, String polyline) {
}
