package dev.tracks.analysis.worker.rendering;

/**
 * Parameters of the rendering_metadata skill, named and defaulted as in the skill catalog
 * ({@code VisualizationSkills}).
 *
 * @param minZoom coarsest zoom level prepared (web map zoom, 0..22)
 * @param maxZoom finest zoom level prepared, above {@code minZoom}
 * @param tolerancePixels simplification tolerance in screen pixels at each zoom
 */
public record RenderingParams(int minZoom, int maxZoom, double tolerancePixels) {

    public RenderingParams {
        if (minZoom < 0 || maxZoom > 22 || minZoom >= maxZoom) {
            throw new IllegalArgumentException("need 0 <= minZoom < maxZoom <= 22: " + minZoom + ", " + maxZoom);
        }
        if (!(tolerancePixels > 0)) {
            throw new IllegalArgumentException("tolerancePixels must be positive: " + tolerancePixels);
        }
    }

    public static RenderingParams defaults() {
        return new RenderingParams(4, 16, 1);
    }
}
