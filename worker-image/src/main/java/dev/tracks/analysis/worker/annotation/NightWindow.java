package dev.tracks.analysis.worker.annotation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * scikit-mobility {@code home_location}'s night, {@code start_night='22:00'} to {@code end_night='07:00'} local time,
 * measured as time: skmob counts the records whose timestamp falls in the window; a stay is a record with a duration,
 * so, as trackintel adapts Chen &amp; Poorthuis ("we directly sum the time spent at a location"), the part of the
 * stay inside the nights counts. (footprint_stats keeps skmob's literal count of arrivals at night.) Each night is
 * taken in the stay's zone, so a night across a daylight-saving change is 8 or 10 hours long.
 */
final class NightWindow {

    static final LocalTime START = LocalTime.of(22, 0);
    static final LocalTime END = LocalTime.of(7, 0);

    private NightWindow() {
    }

    /** The milliseconds of the stay that lie in a night. */
    static long millisIn(ZonedStay stay) {
        long total = 0;
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(stay.endMillis()), stay.zone());
        LocalDate night = LocalDate.ofInstant(Instant.ofEpochMilli(stay.startMillis()), stay.zone())
                .minusDays(1);
        for (; !night.isAfter(last); night = night.plusDays(1)) {
            long from = ZonedDateTime.of(night, START, stay.zone()).toInstant().toEpochMilli();
            long to = ZonedDateTime.of(night.plusDays(1), END, stay.zone()).toInstant().toEpochMilli();
            total += Math.max(0, Math.min(stay.endMillis(), to) - Math.max(stay.startMillis(), from));
        }
        return total;
    }
}
