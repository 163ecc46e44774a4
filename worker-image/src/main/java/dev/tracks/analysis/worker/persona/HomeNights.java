package dev.tracks.analysis.worker.persona;

import dev.tracks.analysis.worker.stay.StoredStay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The nights a user was observed, and those spent at home. The night of local date d runs from
 * {@code nightStartHour} on d to {@code nightEndHour} on d + 1 (on d itself when the end hour is after the start
 * hour), both ends included like scikit-mobility's {@code home_location} night (22:00 to 07:00). A night is observed
 * when any stay overlaps it and spent at home when a stay at the home location does: a logger switched off at night
 * leaves the night unobserved rather than counted as away.
 *
 * @param homeFound whether the user has a home location (stay_stats' role home)
 */
public record HomeNights(boolean homeFound, int nights, int homeNights) {

    /**
     * @param homeStayIds the stays at the home location; null when the user has no home
     */
    public static HomeNights count(List<StoredStay> stays, Set<Long> homeStayIds, ZoneId zone, int nightStartHour,
                                   int nightEndHour) {
        Set<LocalDate> nights = new HashSet<>();
        Set<LocalDate> atHome = new HashSet<>();
        for (StoredStay stay : stays) {
            LocalDate first = LocalDate.ofInstant(Instant.ofEpochMilli(stay.startMillis()), zone)
                    .minusDays(1);
            LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(stay.endMillis()), zone);
            for (LocalDate night = first; !night.isAfter(last); night = night.plusDays(1)) {
                if (overlaps(stay, night, zone, nightStartHour, nightEndHour)) {
                    nights.add(night);
                    if (homeStayIds != null && homeStayIds.contains(stay.id())) {
                        atHome.add(night);
                    }
                }
            }
        }
        return new HomeNights(homeStayIds != null, nights.size(), atHome.size());
    }

    private static boolean overlaps(StoredStay stay, LocalDate night, ZoneId zone, int startHour, int endHour) {
        ZonedDateTime start = night.atTime(startHour, 0).atZone(zone);
        ZonedDateTime end = (endHour > startHour ? night : night.plusDays(1)).atTime(endHour, 0).atZone(zone);
        return stay.startMillis() <= end.toInstant().toEpochMilli()
                && stay.endMillis() >= start.toInstant().toEpochMilli();
    }

    /** Share of the observed nights spent at home; NaN without observed nights. */
    public double share() {
        return nights == 0 ? Double.NaN : (double) homeNights / nights;
    }
}
