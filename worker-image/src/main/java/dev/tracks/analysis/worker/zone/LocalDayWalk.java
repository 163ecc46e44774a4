package dev.tracks.analysis.worker.zone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's local calendar days, walked in time order over their fixes: one day after the other, the next beginning
 * where the previous one ends, each ending at the first local midnight in the zone of the user's latest fix (never
 * before a fix it already holds).
 *
 * <p>So no time belongs to two days and no date is counted twice, and each fix gets the local date of its own zone,
 * except right after a change of zone eastwards to a zone where midnight already passed: a fix that the day still
 * holds stays in it, and the day ends there. A day on which the user flies west is longer than 24 hours and one on
 * which they fly east shorter, as a day with a DST change is. A date that a zone has already left behind when the
 * previous day ends is skipped: it has no time in the walk. Days with no fixes (recording gaps) are walked too, in
 * the zone of the fix after the gap, so that consecutive days of the walk are consecutive in the user's life.
 */
public final class LocalDayWalk {

    /**
     * One local day of the walk.
     *
     * @param date its local date
     * @param startMillis where it begins: its local midnight, or the end of the day before
     * @param endMillis the start of the next day of the walk
     * @param zone the zone of its end, and where it came from
     */
    public record Day(LocalDate date, long startMillis, long endMillis, LocalZone zone) {
    }

    private final UserTimeZones.Resolver resolver;
    private final List<Day> days = new ArrayList<>();
    private Day current;
    private long lastFixMillis;

    public LocalDayWalk(UserTimeZones.Resolver resolver) {
        this.resolver = resolver;
    }

    /** The index of the day a fix belongs to; fixes come in time order. */
    public int dayOf(long epochMillis, double lat, double lon) {
        LocalZone zone = resolver.at(lat, lon);
        if (current == null) {
            LocalDate date = zone.date(epochMillis);
            begin(date, startOf(date, zone), zone);
        } else if (!zone.equals(current.zone())) {
            long end = Math.max(lastFixMillis + 1, startOf(current.date().plusDays(1), zone));
            current = new Day(current.date(), current.startMillis(), end, zone);
            days.set(days.size() - 1, current);
        }
        while (epochMillis >= current.endMillis()) {
            begin(current.date().plusDays(1), current.endMillis(), zone);
        }
        lastFixMillis = epochMillis;
        return days.size() - 1;
    }

    /** Day {@code index} of the walk. */
    public Day day(int index) {
        return days.get(index);
    }

    /** The days walked so far, from the first fix's day to the last fix's. */
    public List<Day> days() {
        return List.copyOf(days);
    }

    /**
     * The index of the day that holds a time: the first day for a time before it, the last for a time after it
     * (an input built on the same fixes lies within them), -1 when no fix was walked.
     */
    public int indexAt(long epochMillis) {
        int low = 0;
        int high = days.size() - 1;
        if (high < 0) {
            return -1;
        }
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (days.get(middle).startMillis() <= epochMillis) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Starts a day at {@code startMillis}; skips the dates the zone has already left behind by then. */
    private void begin(LocalDate date, long startMillis, LocalZone zone) {
        LocalDate day = date;
        long end = startOf(day.plusDays(1), zone);
        while (end <= startMillis) {
            day = day.plusDays(1);
            end = startOf(day.plusDays(1), zone);
        }
        current = new Day(day, startMillis, end, zone);
        days.add(current);
    }

    private static long startOf(LocalDate date, LocalZone zone) {
        return date.atStartOfDay(zone.zone()).toInstant().toEpochMilli();
    }
}
