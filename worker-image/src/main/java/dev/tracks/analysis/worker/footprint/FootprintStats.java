package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.worker.footprint.VisitedLocations.Place;
import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.Comparator;
import java.util.List;

/**
 * footprint_stats: one user's mobility measures over stays, never raw fixes (scikit-mobility
 * {@code measures/individual.py} and trackintel {@code analysis/metrics.py}).
 * <ul>
 *   <li>Radius of gyration, count- and duration-weighted: trackintel {@code radius_gyration(method="count"|
 *       "duration")} over the stays' own positions ({@link GyrationRadius}).</li>
 *   <li>Jump lengths: trackintel {@code jump_length}, haversine between consecutive stays' own positions in time
 *       order (n - 1 jumps); summarised as a {@link Distribution}.</li>
 *   <li>Location measures over the stays' locations ({@link VisitedLocations}: stay_stats' location ids, or exact
 *       coordinates for unclustered stays), as skmob requires clustered stays: number of locations;
 *       {@code random_entropy} = log2(#locations); {@code uncorrelated_entropy(normalize=False)} =
 *       -sum p log2 p over the visit shares; {@code k_radius_of_gyration(k)} over the k most visited locations
 *       (ties: first visited first, as skmob sorts by visits then time), weighted by visits;
 *       {@code home_location} ({@link NightHome}); {@code max_distance_from_home}: the farthest location of any
 *       stay from home.</li>
 * </ul>
 * Stays are ordered by start, then id. A whole-user analysis: the runtime recomputes it from all of a user's stays.
 */
public final class FootprintStats {

    private FootprintStats() {
    }

    /** The footprint of one user's stays; {@code distinctCells} comes from grid_system and is passed through. */
    public static Footprint compute(List<VisitedStay> stays, long distinctCells, FootprintParams params) {
        List<VisitedStay> ordered = stays.stream()
                .sorted(Comparator.comparingLong(VisitedStay::startMillis).thenComparingLong(VisitedStay::id))
                .toList();
        VisitedLocations locations = VisitedLocations.of(ordered);
        double[] lats = ordered.stream().mapToDouble(VisitedStay::lat).toArray();
        double[] lons = ordered.stream().mapToDouble(VisitedStay::lon).toArray();
        double[] ones = ordered.stream().mapToDouble(stay -> 1).toArray();
        double[] durations = ordered.stream().mapToDouble(VisitedStay::durationMillis).toArray();
        HomeLocation home = NightHome.find(ordered, locations, params);
        return new Footprint(ordered.size(), locations.places().size(), distinctCells,
                GyrationRadius.of(lats, lons, ones), GyrationRadius.of(lats, lons, durations),
                kRadiusOfGyration(locations.places(), params.k()), randomEntropy(locations.places()),
                uncorrelatedEntropy(locations.places(), ordered.size()), Distribution.of(jumpLengths(lats, lons)),
                home, maxDistanceFromHome(ordered, locations, home));
    }

    private static double kRadiusOfGyration(List<Place> places, int k) {
        List<Place> top = places.stream()
                .sorted(Comparator.comparingInt(Place::visits).reversed().thenComparingInt(Place::index))
                .limit(k)
                .toList();
        return GyrationRadius.of(top.stream().mapToDouble(Place::lat).toArray(),
                top.stream().mapToDouble(Place::lon).toArray(), top.stream().mapToDouble(Place::visits).toArray());
    }

    private static double randomEntropy(List<Place> places) {
        return places.isEmpty() ? Double.NaN : log2(places.size());
    }

    private static double uncorrelatedEntropy(List<Place> places, int stayCount) {
        if (places.isEmpty()) {
            return Double.NaN;
        }
        double entropy = 0;
        for (Place place : places) {
            double share = (double) place.visits() / stayCount;
            entropy -= share * log2(share);
        }
        return entropy;
    }

    private static double[] jumpLengths(double[] lats, double[] lons) {
        double[] jumps = new double[Math.max(0, lats.length - 1)];
        for (int i = 1; i < lats.length; i++) {
            jumps[i - 1] = Geodesy.distanceMeters(lats[i - 1], lons[i - 1], lats[i], lons[i]);
        }
        return jumps;
    }

    private static double maxDistanceFromHome(List<VisitedStay> stays, VisitedLocations locations,
                                              HomeLocation home) {
        if (home == null) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < stays.size(); i++) {
            Place place = locations.placeOf(i);
            max = Math.max(max, Geodesy.distanceMeters(place.lat(), place.lon(), home.lat(), home.lon()));
        }
        return max;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
