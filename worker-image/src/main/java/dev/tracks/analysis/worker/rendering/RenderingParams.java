package dev.tracks.analysis.worker.rendering;

/**
 * Parameters of the rendering_metadata skill, bound by name from the skill catalog
 * ({@code VisualizationSkills}), which also requires {@code minZoom < maxZoom}.
 *
 * @param minZoom coarsest zoom level prepared (web map zoom, 0..22)
 * @param maxZoom finest zoom level prepared, above {@code minZoom}
 * @param tolerancePixels simplification tolerance in screen pixels at each zoom
 */
public record RenderingParams(int minZoom, int maxZoom, double tolerancePixels) {
}
