package dev.tracks.analysis.worker.rendering;

import java.util.List;

/**
 * What a map client needs to draw one track (a trip or all of a user's fixes) quickly.
 *
 * @param fixCount number of fixes in the track
 * @param firstFixId id of the first fix
 * @param lastFixId id of the last fix
 * @param startMillis time of the first fix
 * @param endMillis time of the last fix
 * @param bounds the extent of all fixes
 * @param zooms one geometry per zoom level from minZoom to maxZoom, coarsest first
 */
public record TrackRendering(int fixCount, long firstFixId, long lastFixId, long startMillis, long endMillis,
                             BoundingBox bounds, List<ZoomGeometry> zooms) {

    public TrackRendering {
        zooms = List.copyOf(zooms);
    }
}
