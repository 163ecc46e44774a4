package dev.tracks.analysis.worker.rendering;

/**
 * A track's extent in degrees, in the convention of GeoJSON (RFC 7946, section 5.2): longitudes in [-180, 180), and
 * a box that crosses the antimeridian has {@code west > east}. A track that goes all the way round has west -180 and
 * east 180.
 */
public record BoundingBox(double south, double west, double north, double east) {

    public boolean crossesAntimeridian() {
        return west > east;
    }
}
