package dev.tracks.analysis.worker.reference.places;

import dev.tracks.analysis.reference.places.Place;

/** The place nearest to a point and its great-circle distance from it (haversine, mean Earth radius). */
public record NearestPlace(Place place, double distanceMeters) {
}
