package dev.tracks.analysis.worker.persona;

import dev.tracks.analysis.worker.stay.StoredStay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The nights a user was observed, and those spent at home. The night of local date d runs from
 * {@code nightStartHour} on d to {@code nightEndHour} on d + 1 (on d itself when the end hour is after the start
 * hour), both ends included like scikit-mobility's {@code home_location} night (22:00 to 07:00). A night is observed
 * when any stay overlaps it: a logger switched off at night leaves the night unobserved rather than counted as away.
 * Home is the location with a stay in the most observed nights (ties: the lower location id, the earlier first
 * visit). Unlike skmob's {@code home_location}, which counts stays that <em>start</em> at night, this counts the
 * nights a stay covers: a commuter who gets home at 19:00 and leaves at 07:30 is home every night, not nowhere.
 *
 * @param homeLocationId the home's location id, or -1 when no located stay overlaps a night
 * @param nights observed nights
 * @param homeNights nights with a stay at home
 */
public record HomeNights(int homeLocationId, int nights, int homeNights) {

    public static final int NO_HOME = -1;

    /**
     * @param locationOfStay stay_stats' location of each stay; a stay without one (DBSCAN noise) counts only as an
     *     observation
     */
    public static HomeNights count(List<StoredStay> stays, Map<Long, Integer> locationOfStay, ZoneId zone,
                                   int nightStartHour, int nightEndHour) {
        Set<LocalDate> nights = new HashSet<>();
        Map<Integer, Set<LocalDate>> nightsAt = new TreeMap<>();
        for (StoredStay stay : stays) {
            LocalDate first = LocalDate.ofInstant(Instant.ofEpochMilli(stay.startMillis()), zone).minusDays(1);
            LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(stay.endMillis()), zone);
            Integer location = locationOfStay.get(stay.id());
            for (LocalDate night = first; !night.isAfter(last); night = night.plusDays(1)) {
                if (overlaps(stay, night, zone, nightStartHour, nightEndHour)) {
                    nights.add(night);
                    if (location != null) {
                        nightsAt.computeIfAbsent(location, id -> new HashSet<>()).add(night);
                    }
                }
            }
        }
        int home = NO_HOME;
        int homeNights = 0;
        for (Map.Entry<Integer, Set<LocalDate>> location : nightsAt.entrySet()) {
            if (location.getValue().size() > homeNights) {
                home = location.getKey();
                homeNights = location.getValue().size();
            }
        }
        return new HomeNights(home, nights.size(), homeNights);
    }

    private static boolean overlaps(StoredStay stay, LocalDate night, ZoneId zone, int startHour, int endHour) {
        ZonedDateTime start = night.atTime(startHour, 0).atZone(zone);
        ZonedDateTime end = (endHour > startHour ? night : night.plusDays(1)).atTime(endHour, 0).atZone(zone);
        return stay.startMillis() <= end.toInstant().toEpochMilli()
                && stay.endMillis() >= start.toInstant().toEpochMilli();
    }

    public boolean homeFound() {
        return homeLocationId != NO_HOME;
    }

    /** Share of the observed nights spent at home; NaN without observed nights. */
    public double share() {
        return nights == 0 ? Double.NaN : (double) homeNights / nights;
    }
}
