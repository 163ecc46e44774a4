package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.worker.location.LocationCentre;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct locations of time-ordered stays: scikit-mobility's measures group records by location. A location is
 * the stays' {@code locationId}, or, for an unclustered stay, its exact coordinates. Its position is the mean of its
 * stays' distinct positions, the centre stay_stats gives the same location ({@link LocationCentre}), so every visit
 * of a location has the same coordinates, as skmob expects.
 */
final class VisitedLocations {

    /** A location with its visits; {@code index} orders locations by first visit. */
    record Place(int index, long locationId, double lat, double lon, int visits) {
    }

    private final List<Place> places;
    private final int[] placeOfStay;

    private VisitedLocations(List<Place> places, int[] placeOfStay) {
        this.places = places;
        this.placeOfStay = placeOfStay;
    }

    /** Groups {@code stays}, which must be in time order. */
    static VisitedLocations of(List<VisitedStay> stays) {
        Map<Key, Integer> indexOfKey = new HashMap<>();
        List<List<VisitedStay>> members = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        int[] placeOfStay = new int[stays.size()];
        for (int i = 0; i < stays.size(); i++) {
            Key key = Key.of(stays.get(i));
            int index = indexOfKey.computeIfAbsent(key, k -> {
                keys.add(k);
                members.add(new ArrayList<>());
                return members.size() - 1;
            });
            members.get(index).add(stays.get(i));
            placeOfStay[i] = index;
        }
        List<Place> places = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            List<VisitedStay> visits = members.get(index);
            double[] centre = LocationCentre.meanOfDistinct(visits.stream().mapToDouble(VisitedStay::lat).toArray(),
                    visits.stream().mapToDouble(VisitedStay::lon).toArray());
            places.add(new Place(index, keys.get(index).locationId(), centre[0], centre[1], visits.size()));
        }
        return new VisitedLocations(List.copyOf(places), placeOfStay);
    }

    List<Place> places() {
        return places;
    }

    /** The location of the {@code stayIndex}-th stay. */
    Place placeOf(int stayIndex) {
        return places.get(placeOfStay[stayIndex]);
    }

    private record Key(long locationId, double lat, double lon) {

        static Key of(VisitedStay stay) {
            return stay.locationId() == VisitedStay.NO_LOCATION
                    ? new Key(VisitedStay.NO_LOCATION, stay.lat(), stay.lon())
                    : new Key(stay.locationId(), 0, 0);
        }
    }
}
