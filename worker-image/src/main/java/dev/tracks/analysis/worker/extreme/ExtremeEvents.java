package dev.tracks.analysis.worker.extreme;

import dev.tracks.analysis.worker.footprint.FootprintsTable.StoredHome;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's records over all of their fixes, each at the first fix where it happened (the earliest wins a tie):
 * <ul>
 *   <li>top speed after gpxpy {@code get_moving_data} and {@code calculate_max_speed}: the speeds of the moving steps
 *       between consecutive fixes (time apart, faster than gpxpy's stopped threshold of 1 km/h), sorted, the one at
 *       index {@code floor(n * (1 - ignoredTopSpeedShare))}, so the fastest 5 % (GPS jumps that survived outlier
 *       detection) do not count; none below gpxpy's 20 moving steps. gpxpy's extra filter of steps
 *       whose length is 1.5 standard deviations off the mean is left out: outlier detection removed the jumps, and
 *       on a trip with stops and motorway parts that filter drops the motorway;</li>
 *   <li>farthest fix from home (scikit-mobility {@code max_distance_from_home}, over fixes, home as footprint_stats
 *       found it), longest jump between consecutive fixes (scikit-mobility {@code maximum_distance}) and longest gap
 *       in time between them, the step reported at its first fix;</li>
 *   <li>longest trip by duration and by distance along its fixes, at the trip's start and first fix;</li>
 *   <li>highest and lowest altitude among the fixes that have one.</li>
 * </ul>
 * A record without a value (no home, no trips, no altitude, fewer than two fixes) is left out. Distances are
 * haversine, so the antimeridian is crossed the short way.
 */
public final class ExtremeEvents {

    /** gpxpy returns no top speed for a segment of fewer moving steps. */
    static final int MIN_SPEED_STEPS = 20;
    /** gpxpy's {@code DEFAULT_STOPPED_SPEED_THRESHOLD}: slower steps are stopped and have no say in the top speed. */
    static final double STOPPED_KMH = 1;

    private ExtremeEvents() {
    }

    /** @param home null when footprint_stats found none */
    public static List<ExtremeEvent> find(Fixes fixes, List<TripSpan> trips, StoredHome home,
                                          ExtremeEventParams params) {
        List<ExtremeEvent> found = new ArrayList<>();
        int size = fixes.size();
        if (size == 0) {
            return found;
        }
        int steps = size - 1;
        double[] cumulativeMeters = new double[size];
        double[] stepKmh = new double[steps];
        double[] speeds = new double[steps];
        int speedCount = 0;
        int longestJump = -1;
        double longestJumpMeters = -1;
        int longestGap = -1;
        long longestGapMillis = -1;
        for (int i = 0; i < steps; i++) {
            double meters = Geodesy.distanceMeters(fixes.lat(i), fixes.lon(i), fixes.lat(i + 1), fixes.lon(i + 1));
            long millis = fixes.time(i + 1) - fixes.time(i);
            cumulativeMeters[i + 1] = cumulativeMeters[i] + meters;
            stepKmh[i] = millis > 0 ? meters / millis * 3600.0 : Double.NaN;
            if (stepKmh[i] > STOPPED_KMH) {
                speeds[speedCount++] = stepKmh[i];
            }
            if (meters > longestJumpMeters) {
                longestJump = i;
                longestJumpMeters = meters;
            }
            if (millis > longestGapMillis) {
                longestGap = i;
                longestGapMillis = millis;
            }
        }
        if (speedCount >= MIN_SPEED_STEPS) {
            double[] sorted = Arrays.copyOf(speeds, speedCount);
            Arrays.sort(sorted);
            double top = sorted[Math.min((int) (speedCount * (1 - params.ignoredTopSpeedShare())), speedCount - 1)];
            int step = 0;
            while (stepKmh[step] != top) {
                step++;
            }
            found.add(at(fixes, step, ExtremeKind.MAX_SPEED, top, fixes.id(step)));
        }
        if (home != null) {
            int farthest = 0;
            double farthestMeters = -1;
            for (int i = 0; i < size; i++) {
                double meters = Geodesy.distanceMeters(home.lat(), home.lon(), fixes.lat(i), fixes.lon(i));
                if (meters > farthestMeters) {
                    farthestMeters = meters;
                    farthest = i;
                }
            }
            found.add(at(fixes, farthest, ExtremeKind.FARTHEST_FROM_HOME, farthestMeters, fixes.id(farthest)));
        }
        if (steps > 0) {
            found.add(at(fixes, longestJump, ExtremeKind.LONGEST_JUMP, longestJumpMeters, fixes.id(longestJump)));
            found.add(at(fixes, longestGap, ExtremeKind.LONGEST_GAP, longestGapMillis / 1000.0,
                    fixes.id(longestGap)));
        }
        longestTrips(fixes, trips, cumulativeMeters, found);
        altitudes(fixes, found);
        return found;
    }

    private static void longestTrips(Fixes fixes, List<TripSpan> trips, double[] cumulativeMeters,
                                     List<ExtremeEvent> found) {
        TripSpan longest = null;
        int longestFirst = -1;
        TripSpan farthest = null;
        int farthestFirst = -1;
        double farthestMeters = -1;
        for (TripSpan trip : trips) {
            int first = fixes.firstAtOrAfter(0, trip.startMillis());
            int end = fixes.firstAtOrAfter(0, trip.endMillis() + 1);
            if (first >= end) {
                continue;
            }
            if (longest == null || trip.endMillis() - trip.startMillis() > longest.endMillis() - longest.startMillis()) {
                longest = trip;
                longestFirst = first;
            }
            double meters = cumulativeMeters[end - 1] - cumulativeMeters[first];
            if (meters > farthestMeters) {
                farthest = trip;
                farthestFirst = first;
                farthestMeters = meters;
            }
        }
        if (longest != null) {
            found.add(new ExtremeEvent(ExtremeKind.LONGEST_TRIP_DURATION,
                    (longest.endMillis() - longest.startMillis()) / 1000.0, longest.startMillis(),
                    fixes.lat(longestFirst), fixes.lon(longestFirst), longest.id()));
            found.add(new ExtremeEvent(ExtremeKind.LONGEST_TRIP_DISTANCE, farthestMeters, farthest.startMillis(),
                    fixes.lat(farthestFirst), fixes.lon(farthestFirst), farthest.id()));
        }
    }

    private static void altitudes(Fixes fixes, List<ExtremeEvent> found) {
        int highest = -1;
        int lowest = -1;
        for (int i = 0; i < fixes.size(); i++) {
            double altitude = fixes.altitude(i);
            if (Double.isNaN(altitude)) {
                continue;
            }
            if (highest < 0 || altitude > fixes.altitude(highest)) {
                highest = i;
            }
            if (lowest < 0 || altitude < fixes.altitude(lowest)) {
                lowest = i;
            }
        }
        if (highest >= 0) {
            found.add(at(fixes, highest, ExtremeKind.HIGHEST_ALTITUDE, fixes.altitude(highest), fixes.id(highest)));
            found.add(at(fixes, lowest, ExtremeKind.LOWEST_ALTITUDE, fixes.altitude(lowest), fixes.id(lowest)));
        }
    }

    private static ExtremeEvent at(Fixes fixes, int index, ExtremeKind kind, double value, long referenceId) {
        return new ExtremeEvent(kind, value, fixes.time(index), fixes.lat(index), fixes.lon(index), referenceId);
    }
}
