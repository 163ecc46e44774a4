package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.stay.Stay;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.List;

/**
 * Matches detected stays with known stops: a stop is found when some stay's centre lies within the match radius of
 * it; a stay is a false positive when no stop lies within that radius of its centre. A stay between two close stops
 * may find both, so found stops and true-positive stays need not be equal.
 */
final class StopMatching {

    /** The outcome of one parameter setting. */
    record Outcome(int stays, int stopsFound, int staysNearStop, int falsePositives) {
    }

    private StopMatching() {
    }

    static Outcome match(List<Stay> stays, List<GeoPackagePoints.Point> stops, double radiusMeters) {
        int found = 0;
        for (GeoPackagePoints.Point stop : stops) {
            if (stays.stream().anyMatch(stay -> distance(stay, stop) <= radiusMeters)) {
                found++;
            }
        }
        int nearStop = 0;
        for (Stay stay : stays) {
            if (stops.stream().anyMatch(stop -> distance(stay, stop) <= radiusMeters)) {
                nearStop++;
            }
        }
        return new Outcome(stays.size(), found, nearStop, stays.size() - nearStop);
    }

    /** The stops that some fix passes within {@code radiusMeters}: the most any stay detection could find. */
    static int stopsPassed(Fixes fixes, List<GeoPackagePoints.Point> stops, double radiusMeters) {
        int passed = 0;
        for (GeoPackagePoints.Point stop : stops) {
            for (int i = 0; i < fixes.size(); i++) {
                if (Geodesy.distanceMeters(fixes.lat(i), fixes.lon(i), stop.lat(), stop.lon()) <= radiusMeters) {
                    passed++;
                    break;
                }
            }
        }
        return passed;
    }

    /**
     * The longest time the track stays within {@code radiusMeters} of the stop without leaving it (first to last fix
     * of a run of consecutive fixes inside): a bus passing a 30 m circle at 20 km/h spends about 11 s in it, so much
     * longer runs mean that it halted there.
     */
    static double longestDwellSeconds(Fixes fixes, GeoPackagePoints.Point stop, double radiusMeters) {
        long longest = 0;
        int runFirst = -1;
        for (int i = 0; i < fixes.size(); i++) {
            boolean inside = Geodesy.distanceMeters(fixes.lat(i), fixes.lon(i), stop.lat(), stop.lon())
                    <= radiusMeters;
            if (inside && runFirst < 0) {
                runFirst = i;
            } else if (!inside) {
                runFirst = -1;
            }
            if (runFirst >= 0) {
                longest = Math.max(longest, fixes.time(i) - fixes.time(runFirst));
            }
        }
        return longest / 1e3;
    }

    /** Distance from the stay's centre to the nearest stop. */
    static double nearestStopMeters(Stay stay, List<GeoPackagePoints.Point> stops) {
        return stops.stream().mapToDouble(stop -> distance(stay, stop)).min().orElse(Double.NaN);
    }

    private static double distance(Stay stay, GeoPackagePoints.Point stop) {
        return Geodesy.distanceMeters(stay.lat(), stay.lon(), stop.lat(), stop.lon());
    }
}
