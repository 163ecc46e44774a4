package dev.tracks.analysis.worker.rendering;

import dev.tracks.analysis.store.EncodedPolyline;
import dev.tracks.analysis.worker.location.LocationCentre;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;

/**
 * rendering_metadata: a track simplified for each zoom level with Douglas-Peucker (as JTS
 * {@code DouglasPeuckerSimplifier}; {@link DouglasPeuckerRanks}), with its bounding box and time extent.
 *
 * <p>Semantics:
 * <ul>
 *   <li>Tolerance at zoom z: tolerancePixels x the metres per pixel at that zoom, 156543.03 cos(lat) / 2^z
 *       (https://wiki.openstreetmap.org/wiki/Zoom_levels). The line is simplified in Web Mercator pixels
 *       ({@link WebMercator}), where that tolerance is simply tolerancePixels / 2^z and the cos(lat) factor applies
 *       at each vertex's own latitude: the result is never more than the tolerance off on the map the client
 *       draws, at any latitude.</li>
 *   <li>The antimeridian: longitudes are unwrapped (each fix within 180 degrees of the previous one), so the line is
 *       continuous and simplification never draws a segment round the world; the polylines carry the unwrapped
 *       longitudes, which MapLibre and Leaflet draw continuously. The bounding box is normalised
 *       ({@link BoundingBox}).</li>
 *   <li>Every zoom from minZoom to maxZoom gets its own geometry, also when it equals the next coarser one, so a
 *       client needs one lookup per zoom. Point counts never grow towards coarser zooms.</li>
 *   <li>Output: encoded polylines ({@link EncodedPolyline}, precision 5): about 2-6 bytes per vertex, decoded by
 *       every web map stack, ready to send as they are.</li>
 *   <li>Fixes are taken in the given (time) order; equal positions collapse away at every zoom. A single fix is a
 *       one-point polyline.</li>
 * </ul>
 */
public final class TrackRenderer {

    private TrackRenderer() {
    }

    /** The rendering of the fixes {@code [from, to)}, at least one. */
    public static TrackRendering render(Fixes fixes, int from, int to, RenderingParams params) {
        if (to <= from) {
            throw new IllegalArgumentException("a track needs at least one fix: [" + from + ", " + to + ")");
        }
        int n = to - from;
        double[] lats = new double[n];
        double[] lons = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            lats[i] = fixes.lat(from + i);
            lons[i] = i == 0 ? fixes.lon(from) : LocationCentre.unwrap(fixes.lon(from + i), lons[i - 1]);
            x[i] = WebMercator.x(lons[i]);
            y[i] = WebMercator.y(lats[i]);
        }
        double[] ranks = DouglasPeuckerRanks.of(x, y);
        List<ZoomGeometry> zooms = new ArrayList<>();
        for (int zoom = params.minZoom(); zoom <= params.maxZoom(); zoom++) {
            zooms.add(simplified(lats, lons, ranks, zoom, WebMercator.tolerance(params.tolerancePixels(), zoom)));
        }
        return new TrackRendering(n, fixes.id(from), fixes.id(to - 1), fixes.time(from), fixes.time(to - 1),
                bounds(lats, lons), zooms);
    }

    private static ZoomGeometry simplified(double[] lats, double[] lons, double[] ranks, int zoom, double tolerance) {
        boolean[] keep = new boolean[ranks.length];
        int count = 0;
        for (int i = 0; i < ranks.length; i++) {
            keep[i] = ranks[i] > tolerance;
            count += keep[i] ? 1 : 0;
        }
        return new ZoomGeometry(zoom, count, EncodedPolyline.encode(lats, lons, keep));
    }

    private static BoundingBox bounds(double[] lats, double[] unwrappedLons) {
        double south = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        double west = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lats.length; i++) {
            south = Math.min(south, lats[i]);
            north = Math.max(north, lats[i]);
            west = Math.min(west, unwrappedLons[i]);
            east = Math.max(east, unwrappedLons[i]);
        }
        if (east - west >= 360) {
            return new BoundingBox(south, -180, north, 180);
        }
        return new BoundingBox(south, LocationCentre.inRange(west), north, LocationCentre.inRange(east));
    }
}
