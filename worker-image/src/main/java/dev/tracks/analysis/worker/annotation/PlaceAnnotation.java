package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.worker.reference.places.NearestPlace;
import dev.tracks.analysis.worker.reference.places.Places;
import java.util.Optional;

/**
 * The place of a location: the nearest place of the active places load (reverse_geocoder's nearest neighbour on the
 * sphere, {@link Places#nearest}) if it lies within {@code placeRadiusMeters} ({@code <=}) of the location's centre.
 */
final class PlaceAnnotation {

    private PlaceAnnotation() {
    }

    static Optional<NearestPlace> of(Places places, double lat, double lon, double radiusMeters) {
        return places.nearest(lat, lon).filter(nearest -> nearest.distanceMeters() <= radiusMeters);
    }
}
