package dev.tracks.analysis.worker.rendering;

/**
 * Web Mercator (EPSG:3857) in pixels of the zoom-0 world, 256 pixels wide, as tiled web maps draw it; at zoom z a
 * map pixel is {@code 1 / 2^z} of these. One pixel at zoom z covers 156543.03 cos(lat) / 2^z metres on the ground
 * (https://wiki.openstreetmap.org/wiki/Zoom_levels), so a tolerance in these pixels is that formula applied at each
 * vertex's own latitude.
 */
final class WebMercator {

    static final double WORLD_PIXELS = 256;
    private static final double MAX_LATITUDE = 85.0511287798066;

    private WebMercator() {
    }

    /** x of a longitude, which may be unwrapped beyond [-180, 180) (x then leaves [0, 256), continuously). */
    static double x(double lon) {
        return (lon + 180) / 360 * WORLD_PIXELS;
    }

    /** y of a latitude, clamped to the square world's +-85.05 degrees; 0 at the top. */
    static double y(double lat) {
        double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
        return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * WORLD_PIXELS;
    }

    /** A tolerance of {@code pixels} at {@code zoom}, in zoom-0 pixels. */
    static double tolerance(double pixels, int zoom) {
        return pixels / (1L << zoom);
    }
}
