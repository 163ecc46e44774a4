package dev.tracks.analysis.worker.utilization;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.TripsTable.TripSpan;
import dev.tracks.analysis.worker.zone.LocalZone;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The utilization_efficiency skill: per trip and per local day, moving and stopped time ({@link TrackedTime}, after
 * gpxpy {@code get_moving_data}, stopped at or below 1 km/h), path length and, per trip, the beeline from the first to
 * the last fix, from which the utilization_metrics view derives straightness (trajr {@code TrajStraightness}: D / L)
 * and tracking coverage (trackintel {@code temporal_tracking_quality}: tracked time over the span, with steps longer
 * than 15 min untracked).
 *
 * <p>A local day is {@code [midnight, next midnight)} in the zone at its first fix ({@link UserTimeZones.Resolver}:
 * the user's setting, else the position's zone, else the timeZone parameter), 23 or 25 hours long across a DST change;
 * it takes the fixes in it and the parts of the steps into it and out of it (a step across midnight is split by
 * time). A trip takes its fixes from its start to its end (trips have no gap inside; their local date is that of the
 * start, in the zone at the first fix).
 *
 * <p>Streaming ({@link StreamResult}): the last day is open (a later fix may still fall in it) and so is a trip that
 * ends at the last fix; {@code resumeIndex} is the first fix of the earliest open one, and every day or trip starting at
 * or after it is provisional. The next call needs the day before the resume fix's day as context (the step into that
 * day, and day boundaries that follow from a day's first fix), so {@code contextIndex} is that day's first fix.
 * Days and trips that start before {@code from} are not reported again.
 */
public final class Utilization {

    private Utilization() {
    }

    /**
     * @param trips the user's trips that end at or after the first fix's time, in time order
     * @param from the first fix not analyzed yet: 0, or the previous call's resumeIndex minus its contextIndex
     */
    public static StreamResult<UtilizationSpan> analyze(Fixes fixes, int from, List<TripSpan> trips,
            UserTimeZones.Resolver zones, UtilizationParams params) {
        int size = fixes.size();
        if (from >= size) {
            return new StreamResult<>(List.of(), List.of(), size, 0);
        }
        List<UtilizationSpan> found = new ArrayList<>();
        int[] dayStarts = new int[16];
        int days = 0;
        for (int start = 0; start < size; ) {
            LocalZone zone = zones.at(fixes.lat(start), fixes.lon(start));
            LocalDate date = zone.date(fixes.time(start));
            long midnight = date.atStartOfDay(zone.zone()).toInstant().toEpochMilli();
            long nextMidnight = date.plusDays(1).atStartOfDay(zone.zone()).toInstant().toEpochMilli();
            int end = start;
            while (end < size && fixes.time(end) < nextMidnight) {
                end++;
            }
            if (start >= from) {
                found.add(day(fixes, start, end, zone, date, midnight, nextMidnight, params));
            }
            if (days == dayStarts.length) {
                dayStarts = Arrays.copyOf(dayStarts, days * 2);
            }
            dayStarts[days++] = start;
            start = end;
        }
        int resume = dayStarts[days - 1];
        long firstTime = fixes.time(0);
        long lastTime = fixes.time(size - 1);
        for (TripSpan trip : trips) {
            if (trip.startMillis() < firstTime || trip.startMillis() > lastTime) {
                continue;
            }
            int first = fixes.firstAtOrAfter(0, trip.startMillis());
            int end = fixes.firstAtOrAfter(0, trip.endMillis() + 1);
            if (first < from || end == first) {
                continue;
            }
            found.add(trip(fixes, trip.id(), first, end, zones, params));
            if (trip.endMillis() >= lastTime) {
                resume = Math.min(resume, first);
            }
        }
        List<UtilizationSpan> finals = new ArrayList<>();
        List<UtilizationSpan> provisional = new ArrayList<>();
        long resumeTime = fixes.time(resume);
        for (UtilizationSpan span : found) {
            (span.startMillis() < resumeTime ? finals : provisional).add(span);
        }
        int resumeDay = days - 1;
        while (dayStarts[resumeDay] > resume) {
            resumeDay--;
        }
        return new StreamResult<>(finals, provisional, resume, dayStarts[Math.max(resumeDay - 1, 0)]);
    }

    /** The day of fixes {@code [start, end)}, with the steps into it and out of it. */
    private static UtilizationSpan day(Fixes fixes, int start, int end, LocalZone zone, LocalDate date, long midnight,
            long nextMidnight, UtilizationParams params) {
        TrackedTime tracked = new TrackedTime(params);
        for (int i = Math.max(start, 1); i <= Math.min(end, fixes.size() - 1); i++) {
            tracked.step(fixes, i, midnight, nextMidnight);
        }
        return new UtilizationSpan(null, date, zone, fixes.time(start), fixes.time(end - 1), end - start,
                tracked.movingSeconds(), tracked.stoppedSeconds(), (nextMidnight - midnight) / 1000.0,
                tracked.pathMeters(), Double.NaN);
    }

    /** The trip of fixes {@code [first, end)}. */
    private static UtilizationSpan trip(Fixes fixes, long id, int first, int end, UserTimeZones.Resolver zones,
            UtilizationParams params) {
        int last = end - 1;
        TrackedTime tracked = new TrackedTime(params);
        tracked.steps(fixes, first, last);
        LocalZone zone = zones.at(fixes.lat(first), fixes.lon(first));
        return new UtilizationSpan(id, zone.date(fixes.time(first)), zone, fixes.time(first), fixes.time(last),
                end - first, tracked.movingSeconds(), tracked.stoppedSeconds(),
                (fixes.time(last) - fixes.time(first)) / 1000.0, tracked.pathMeters(),
                Geodesy.distanceMeters(fixes.lat(first), fixes.lon(first), fixes.lat(last), fixes.lon(last)));
    }
}
