package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.worker.footprint.VisitedLocations.Place;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * scikit-mobility {@code home_location(start_night='22:00', end_night='07:00')}: the location with the most visits
 * whose time (a stay's arrival, skmob's {@code datetime}) falls in the night, in local time of the given zone, both
 * ends included as pandas {@code between_time} does (22:00:00 and 07:00:00 count, 07:00:01 does not); a night whose
 * end hour is before its start wraps past midnight. Without any night visit, the most visited location overall.
 * Ties go to the location visited first (skmob leaves them to an unstable sort).
 */
final class NightHome {

    private NightHome() {
    }

    /** The home of time-ordered {@code stays} grouped into {@code locations}; null when there are no stays. */
    static HomeLocation find(List<VisitedStay> stays, VisitedLocations locations, FootprintParams params) {
        int[] nightVisits = new int[locations.places().size()];
        boolean anyNight = false;
        for (int i = 0; i < stays.size(); i++) {
            if (atNight(stays.get(i).startMillis(), params)) {
                nightVisits[locations.placeOf(i).index()]++;
                anyNight = true;
            }
        }
        Place best = null;
        int bestVisits = 0;
        for (Place place : locations.places()) {
            int visits = anyNight ? nightVisits[place.index()] : place.visits();
            if (visits > bestVisits) {
                best = place;
                bestVisits = visits;
            }
        }
        return best == null ? null
                : new HomeLocation(best.locationId(), best.lat(), best.lon(), bestVisits, anyNight);
    }

    static boolean atNight(long epochMillis, FootprintParams params) {
        LocalTime time = Instant.ofEpochMilli(epochMillis).atZone(params.timeZone()).toLocalTime();
        LocalTime start = LocalTime.of(params.nightStartHour(), 0);
        LocalTime end = LocalTime.of(params.nightEndHour(), 0);
        boolean afterStart = !time.isBefore(start);
        boolean beforeEnd = !time.isAfter(end);
        return start.isAfter(end) ? afterStart || beforeEnd : afterStart && beforeEnd;
    }
}
