package dev.tracks.analysis.worker.zone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's local calendar days, walked in time order over their fixes: one day after the other, each keeping the
 * zone it began in (the zone of the last fix before its local midnight), the next one beginning where it ends.
 *
 * <p>So no time belongs to two days and no date is counted twice: a day on which the user flies west is longer than
 * 24 hours and one on which they fly east shorter, as a day with a DST change is, and the fixes after the flight belong
 * to the next date once the day in the old zone is over. A date that the new zone has already left behind when the
 * previous day ends (east across the date line, e.g. American Samoa to Samoa) is skipped: it has no time in the walk.
 * Days with no fixes (recording gaps) are walked too, so that consecutive days in the walk are consecutive in life.
 */
public final class LocalDayWalk {

    /**
     * One local day of the walk.
     *
     * @param date its local date
     * @param startMillis its local midnight in its zone
     * @param endMillis the start of the next day of the walk
     * @param zone the zone it began in
     */
    public record Day(LocalDate date, long startMillis, long endMillis, LocalZone zone) {
    }

    private final UserTimeZones.Resolver resolver;
    private final List<Day> days = new ArrayList<>();
    private Day current;
    private LocalZone lastZone;
    private long lastCell = Long.MIN_VALUE;

    public LocalDayWalk(UserTimeZones.Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The index of the day a fix belongs to; fixes come in time order. The fix's position then sets the zone of the
     * days that begin after it.
     */
    public int dayOf(long epochMillis, double lat, double lon) {
        if (current == null) {
            LocalZone zone = zoneAt(lat, lon);
            LocalDate date = zone.date(epochMillis);
            begin(date, startOf(date, zone), zone);
        }
        while (epochMillis >= current.endMillis()) {
            begin(current.date().plusDays(1), current.endMillis(), lastZone);
        }
        zoneAt(lat, lon);
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

    /** The zone at a position, looked up again only when the fix left the previous one's 0.01-degree cell. */
    private LocalZone zoneAt(double lat, double lon) {
        long cell = WorldTimeZones.cell(lat, lon);
        if (lastZone == null || cell != lastCell) {
            lastZone = resolver.at(lat, lon);
            lastCell = cell;
        }
        return lastZone;
    }

    private static long startOf(LocalDate date, LocalZone zone) {
        return date.atStartOfDay(zone.zone()).toInstant().toEpochMilli();
    }
}
