package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters one user's stays into locations: trackintel {@code generate_locations(method="dbscan", epsilon=100,
 * num_samples=1, distance_metric="haversine", agg_level="user")} ({@code preprocessing/staypoints.py}).
 *
 * <p>Semantics: stays are ordered by start time (then id), as trackintel sorts them before DBSCAN; DBSCAN labels
 * them as scikit-learn does ({@link StayDbscan}); location ids are renumbered 0, 1, ... by first visit (the earliest
 * stay), so they are deterministic. A location's centre is the mean of its
 * distinct stay positions ({@link LocationCentre}); its visits are its stays, its dwell their summed durations, its
 * first visit the earliest start and its last visit the latest end. trackintel's extent polygon (convex hull
 * buffered by epsilon) is not computed. Roles are all {@link LocationRole#OTHER} until
 * {@link FreqLocationIdentifier} labels home and work.
 */
public final class LocationGenerator {

    private LocationGenerator() {
    }

    /** The user's locations and each stay's location. */
    public static LocationResult generateLocations(List<StoredStay> stays, StayStatsParams params) {
        StoredStay[] ordered = stays.toArray(StoredStay[]::new);
        Arrays.sort(ordered, Comparator.comparingLong(StoredStay::startMillis).thenComparingLong(StoredStay::id));
        double[] lats = new double[ordered.length];
        double[] lons = new double[ordered.length];
        for (int i = 0; i < ordered.length; i++) {
            lats[i] = ordered[i].lat();
            lons[i] = ordered[i].lon();
        }
        int[] labels = byFirstVisit(StayDbscan.cluster(lats, lons, params.epsilonMeters(), params.minSamples()));
        List<List<StoredStay>> members = membersByLocation(ordered, labels);
        List<Location> locations = new ArrayList<>();
        for (int id = 0; id < members.size(); id++) {
            locations.add(locationOf(id, members.get(id)));
        }
        return new LocationResult(locations, stayLocations(stays, ordered, labels));
    }

    /** Renumbers cluster labels in the order in which the (time-ordered) stays first meet them. */
    private static int[] byFirstVisit(int[] labels) {
        int[] renumbered = new int[labels.length];
        int[] newLabel = new int[labels.length];
        Arrays.fill(newLabel, StayDbscan.NOISE);
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == StayDbscan.NOISE) {
                renumbered[i] = StayLocation.NOISE;
                continue;
            }
            if (newLabel[labels[i]] == StayDbscan.NOISE) {
                newLabel[labels[i]] = next++;
            }
            renumbered[i] = newLabel[labels[i]];
        }
        return renumbered;
    }

    /** The stays of each location, by location id (ids are dense: 0 .. count-1). */
    private static List<List<StoredStay>> membersByLocation(StoredStay[] ordered, int[] labels) {
        List<List<StoredStay>> members = new ArrayList<>();
        for (int i = 0; i < ordered.length; i++) {
            if (labels[i] == members.size()) {
                members.add(new ArrayList<>());
            }
            if (labels[i] != StayLocation.NOISE) {
                members.get(labels[i]).add(ordered[i]);
            }
        }
        return members;
    }

    private static Location locationOf(int locationId, List<StoredStay> members) {
        double[] lats = members.stream().mapToDouble(StoredStay::lat).toArray();
        double[] lons = members.stream().mapToDouble(StoredStay::lon).toArray();
        double[] centre = LocationCentre.meanOfDistinct(lats, lons);
        long dwell = members.stream().mapToLong(StoredStay::durationMillis).sum();
        long first = members.stream().mapToLong(StoredStay::startMillis).min().orElseThrow();
        long last = members.stream().mapToLong(StoredStay::endMillis).max().orElseThrow();
        return new Location(locationId, centre[0], centre[1], members.size(), dwell, first, last, LocationRole.OTHER);
    }

    private static List<StayLocation> stayLocations(List<StoredStay> input, StoredStay[] ordered, int[] labels) {
        Map<StoredStay, Integer> labelOf = new IdentityHashMap<>();
        for (int i = 0; i < ordered.length; i++) {
            labelOf.put(ordered[i], labels[i]);
        }
        return input.stream().map(stay -> new StayLocation(stay.id(), labelOf.get(stay))).toList();
    }
}
