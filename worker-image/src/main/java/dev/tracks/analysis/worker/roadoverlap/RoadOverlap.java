package dev.tracks.analysis.worker.roadoverlap;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.roadoverlap.TripOverlap.Method;
import dev.tracks.analysis.worker.roads.RoadGraph;
import dev.tracks.analysis.worker.roads.RoadGraph.NearestRoad;
import dev.tracks.analysis.worker.roads.RoadMatch;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How much of a trip followed roads, over the trip's fixes 2 sigma apart ({@link RoadGraph#sampled}: the fixes the
 * matching uses; through every fix a stop's jitter would count as travel and its many fixes as much as kilometres of
 * road). Each is looked up once for its nearest road: within maxDistanceMeters it is near the road; beyond
 * candidateRadiusMeters it is off-road. The runs of consecutive sampled fixes that are not off-road are map-matched
 * ({@link RoadGraph#match}, Newson & Krumm 2009: sigma 50 m, beta 2, candidates within 200 m by default); the
 * trip's matched length is the sum of the runs' routes, so stretches off-road (a field, a lake) lower the overlap by
 * their GPS length. When a run's matching breaks, or no run has two fixes, the trip falls back to proximity: only the
 * share of sampled fixes near a road (the catalog's maxDistanceMeters).
 */
public final class RoadOverlap {

    private RoadOverlap() {
    }

    /** The overlap of the trip over fixes {@code [first, end)}. */
    public static TripOverlap of(long tripId, Fixes fixes, int first, int end, RoadGraph roads,
                                 RoadOverlapParams params) {
        int[] sampled = RoadGraph.sampled(fixes, first, end, params.sigmaMeters());
        double gpsLength = 0;
        for (int k = 1; k < sampled.length; k++) {
            gpsLength += Geodesy.distanceMeters(fixes.lat(sampled[k - 1]), fixes.lon(sampled[k - 1]),
                    fixes.lat(sampled[k]), fixes.lon(sampled[k]));
        }
        int nearFixes = 0;
        Map<String, Integer> nearByClass = new LinkedHashMap<>();
        double matchedLength = 0;
        Map<String, Double> matchedByClass = new LinkedHashMap<>();
        boolean matched = false;
        boolean broken = false;
        double radius = Math.max(params.candidateRadiusMeters(), params.maxDistanceMeters());
        int runStart = -1;
        for (int k = 0; k <= sampled.length; k++) {
            Optional<NearestRoad> road = k < sampled.length
                    ? roads.nearest(fixes.lat(sampled[k]), fixes.lon(sampled[k]), radius) : Optional.empty();
            if (road.isPresent() && road.get().distanceMeters() <= params.maxDistanceMeters()) {
                nearFixes++;
                nearByClass.merge(road.get().roadClass(), 1, Integer::sum);
            }
            boolean onNetwork = road.isPresent() && road.get().distanceMeters() <= params.candidateRadiusMeters();
            if (onNetwork && runStart < 0) {
                runStart = k;
            } else if (!onNetwork && runStart >= 0) {
                if (k - runStart >= 2 && !broken) {
                    // match samples this range by the same rule: it uses exactly the run's sampled fixes.
                    Optional<RoadMatch> match = roads.match(fixes, sampled[runStart], sampled[k - 1] + 1,
                            params.sigmaMeters(), params.beta(), params.candidateRadiusMeters());
                    if (match.isEmpty()) {
                        broken = true;
                    } else {
                        matched = true;
                        matchedLength += match.get().lengthMeters();
                        match.get().lengthByClass().forEach((roadClass, length) ->
                                matchedByClass.merge(roadClass, length, Double::sum));
                    }
                }
                runStart = -1;
            }
        }
        Method method = matched && !broken ? Method.MAP_MATCHING : Method.PROXIMITY;
        return new TripOverlap(tripId, fixes.time(first), fixes.time(end - 1), method, end - first, sampled.length,
                gpsLength, method == Method.MAP_MATCHING ? matchedLength : Double.NaN,
                method == Method.MAP_MATCHING ? largestFirst(matchedByClass) : Map.of(), nearFixes,
                largestFirst(nearByClass));
    }

    private static <V extends Comparable<V>> Map<String, V> largestFirst(Map<String, V> values) {
        Map<String, V> sorted = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, V>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
