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
 * How much of a trip followed roads. Each fix is looked up once for its nearest road: within maxDistanceMeters it is
 * near the road; beyond candidateRadiusMeters it is off-road. The runs of consecutive fixes that are not off-road are
 * map-matched ({@link RoadGraph#match}, Newson & Krumm 2009 as GraphHopper map-matching 10.2, sigma 50 m, beta 2 by
 * default); the trip's matched length is the sum of the runs' routes, so stretches off-road (a field, a lake) lower the
 * overlap by their GPS length. When a run's matching breaks, or no run has two fixes, the trip falls back to
 * proximity: only the share of fixes near a road (the catalog's maxDistanceMeters). The GPS length is taken over the
 * fixes the matching keeps ({@link #gpsLength}), so that matched and GPS length see the same track.
 */
public final class RoadOverlap {

    private RoadOverlap() {
    }

    /** The overlap of the trip over fixes {@code [first, end)}. */
    public static TripOverlap of(long tripId, Fixes fixes, int first, int end, RoadGraph roads,
                                 RoadOverlapParams params) {
        double gpsLength = gpsLength(fixes, first, end, 2 * params.sigmaMeters());
        int nearFixes = 0;
        Map<String, Integer> nearByClass = new LinkedHashMap<>();
        double matchedLength = 0;
        Map<String, Double> matchedByClass = new LinkedHashMap<>();
        boolean matched = false;
        boolean broken = false;
        double radius = Math.max(params.candidateRadiusMeters(), params.maxDistanceMeters());
        int runStart = -1;
        for (int i = first; i <= end; i++) {
            Optional<NearestRoad> road = i < end ? roads.nearest(fixes.lat(i), fixes.lon(i), radius)
                    : Optional.empty();
            if (road.isPresent() && road.get().distanceMeters() <= params.maxDistanceMeters()) {
                nearFixes++;
                nearByClass.merge(road.get().roadClass(), 1, Integer::sum);
            }
            boolean onNetwork = road.isPresent() && road.get().distanceMeters() <= params.candidateRadiusMeters();
            if (onNetwork && runStart < 0) {
                runStart = i;
            } else if (!onNetwork && runStart >= 0) {
                if (i - runStart >= 2 && !broken) {
                    Optional<RoadMatch> match = roads.match(fixes, runStart, i, params.sigmaMeters(), params.beta());
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
        return new TripOverlap(tripId, fixes.time(first), fixes.time(end - 1), method, end - first, gpsLength,
                method == Method.MAP_MATCHING ? matchedLength : Double.NaN,
                method == Method.MAP_MATCHING ? largestFirst(matchedByClass) : Map.of(), nearFixes,
                largestFirst(nearByClass));
    }

    /**
     * The length of the polyline through the fixes the matching keeps: the first, each more than {@code step} from
     * the previous one kept, and the last. Through every fix, GPS jitter would count as travel (at 8 m of noise a
     * half-hour stop adds about 3 km), so the share would fall with the sampling rate rather than with the roads.
     */
    static double gpsLength(Fixes fixes, int first, int end, double step) {
        double length = 0;
        int kept = first;
        for (int i = first + 1; i < end; i++) {
            double distance = Geodesy.distanceMeters(fixes.lat(kept), fixes.lon(kept), fixes.lat(i), fixes.lon(i));
            if (distance > step || i == end - 1) {
                length += distance;
                kept = i;
            }
        }
        return length;
    }

    private static <V extends Comparable<V>> Map<String, V> largestFirst(Map<String, V> values) {
        Map<String, V> sorted = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, V>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
