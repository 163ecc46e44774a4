package dev.tracks.analysis.worker.revisit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * revisit_pattern: how a user returns to the locations of stay_stats, over the stays (visits) assigned to them.
 * <ul>
 *   <li>Frequency rank: scikit-mobility {@code frequency_rank}: the locations sorted by visits, most first, numbered
 *       1, 2, ... (distinct ranks, as skmob's {@code range(1, n + 1)}). Ties go in ascending latitude, then
 *       longitude of the location's centre: skmob's {@code groupby([lat, lng])} order, which its sort keeps for up
 *       to 16 locations (numpy's quicksort is an insertion sort there; beyond, skmob leaves ties unspecified).</li>
 *   <li>Recency rank: scikit-mobility {@code recency_rank}: the visits sorted by time, latest first, each location
 *       numbered by its first appearance (its latest visit), 1 = most recently visited.</li>
 *   <li>Return time: the time from one visit's start to the next visit's start at the same location, as Gonzalez
 *       et al. 2008 measure the return time to a location from the times a user is observed there (their return
 *       probability peaks at 24 h, 48 h, ...: daily routines); start to start keeps that peak at exactly 24 h for a
 *       user who arrives at the same hour every day, whatever the stays' lengths. Reported as the median (mean of
 *       the middle two for an even count, as pandas) in hours; NaN for a location visited once.</li>
 *   <li>Distinct days: the local dates of the visits' starts in the user's zone (one zone per user: a visit abroad
 *       counts its date at home).</li>
 *   <li>S(t) (Song et al. 2010, S(t) ~ t^mu with mu ~ 0.6): after each visit, the number of distinct locations
 *       visited so far, with the hours since the first visit.</li>
 * </ul>
 * The ranks and S(t) are over all locations; {@code minVisits} only decides which locations get a row. Visits are
 * ordered by start, then location id. A whole-user analysis over derived data: no fixes are read.
 */
public final class RevisitPatterns {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private RevisitPatterns() {
    }

    /**
     * The revisit pattern of {@code visits} to {@code places}, local dates in {@code zone}.
     *
     * @throws IllegalArgumentException when a visit names a location not in {@code places}
     */
    public static Revisits analyze(List<VisitedPlace> places, List<Visit> visits, int minVisits, ZoneId zone) {
        List<Visit> ordered = visits.stream()
                .sorted(Comparator.comparingLong(Visit::startMillis).thenComparingInt(Visit::locationId))
                .toList();
        Map<Integer, VisitedPlace> placeById = new HashMap<>();
        places.forEach(place -> placeById.put(place.locationId(), place));
        Map<Integer, List<Long>> startsByPlace = new HashMap<>();
        for (Visit visit : ordered) {
            if (!placeById.containsKey(visit.locationId())) {
                throw new IllegalArgumentException("a visit at " + Instant.ofEpochMilli(visit.startMillis())
                        + " belongs to location " + visit.locationId() + ", which is not among the user's locations");
            }
            startsByPlace.computeIfAbsent(visit.locationId(), id -> new ArrayList<>()).add(visit.startMillis());
        }
        List<VisitedPlace> visited = places.stream().filter(place -> startsByPlace.containsKey(place.locationId()))
                .toList();
        Map<Integer, Integer> frequencyRanks = frequencyRanks(visited, startsByPlace);
        Map<Integer, Integer> recencyRanks = recencyRanks(ordered);
        List<LocationRevisits> rows = new ArrayList<>();
        for (VisitedPlace place : visited.stream().sorted(Comparator.comparingInt(VisitedPlace::locationId))
                .toList()) {
            List<Long> starts = startsByPlace.get(place.locationId());
            if (starts.size() >= minVisits) {
                rows.add(new LocationRevisits(place.locationId(), starts.size(), distinctDays(starts, zone),
                        starts.get(0), starts.get(starts.size() - 1), medianReturnHours(starts),
                        frequencyRanks.get(place.locationId()), recencyRanks.get(place.locationId())));
            }
        }
        return new Revisits(rows, growth(ordered));
    }

    private static Map<Integer, Integer> frequencyRanks(List<VisitedPlace> visited,
                                                        Map<Integer, List<Long>> startsByPlace) {
        List<VisitedPlace> byFrequency = visited.stream()
                .sorted(Comparator.<VisitedPlace>comparingInt(place -> -startsByPlace.get(place.locationId()).size())
                        .thenComparingDouble(VisitedPlace::lat).thenComparingDouble(VisitedPlace::lon))
                .toList();
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int i = 0; i < byFrequency.size(); i++) {
            ranks.put(byFrequency.get(i).locationId(), i + 1);
        }
        return ranks;
    }

    private static Map<Integer, Integer> recencyRanks(List<Visit> ordered) {
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            ranks.putIfAbsent(ordered.get(i).locationId(), ranks.size() + 1);
        }
        return ranks;
    }

    private static int distinctDays(List<Long> starts, ZoneId zone) {
        Set<LocalDate> days = new HashSet<>();
        for (long start : starts) {
            days.add(LocalDate.ofInstant(Instant.ofEpochMilli(start), zone));
        }
        return days.size();
    }

    private static double medianReturnHours(List<Long> starts) {
        int returns = starts.size() - 1;
        if (returns < 1) {
            return Double.NaN;
        }
        double[] hours = new double[returns];
        for (int i = 0; i < returns; i++) {
            hours[i] = (starts.get(i + 1) - starts.get(i)) / MILLIS_PER_HOUR;
        }
        Arrays.sort(hours);
        int middle = returns / 2;
        return returns % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
    }

    private static List<GrowthStep> growth(List<Visit> ordered) {
        List<GrowthStep> steps = new ArrayList<>(ordered.size());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            Visit visit = ordered.get(i);
            seen.add(visit.locationId());
            steps.add(new GrowthStep(i + 1, visit.startMillis(),
                    (visit.startMillis() - ordered.get(0).startMillis()) / MILLIS_PER_HOUR, visit.locationId(),
                    seen.size()));
        }
        return steps;
    }
}
