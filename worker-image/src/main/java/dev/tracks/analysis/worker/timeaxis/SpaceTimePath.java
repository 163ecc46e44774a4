package dev.tracks.analysis.worker.timeaxis;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.zone.LocalDayWalk;
import dev.tracks.analysis.worker.zone.LocalDayWalk.Day;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's space-time path (Hägerstrand 1970) sampled as a time axis (Kraak 2003): each local day with fixes cut into
 * bins of {@code binMinutes} from local midnight, each bin with its state, its distance from home, its H3 cell and,
 * at a stay, its place.
 *
 * <p>A bin is a stay when stays cover at least half of it (the stay that covers most of it gives the position and
 * place); else a move when a fix outside every stay falls in it (the first such fix gives the position); else a stay
 * when a stay covers part of it; else a gap. Stays are trackintel's intervals {@code [arrival, first fix after)}, so a
 * stay's own fixes never make a bin a move. Local days come from {@link LocalDayWalk}: a day ends at midnight in the
 * zone of the latest fix, so across a zone or DST change it is longer or shorter than 24 hours and its last bin may be
 * short.
 *
 * <p>Fixes come in time order, one at a time; only the current day's bins are held, so a user's fixes never sit in
 * memory whole.
 */
public final class SpaceTimePath {

    private final LocalDayWalk walk;
    private final long binMillis;
    private final int h3Resolution;
    private final List<StayPlace> stays;
    private final double[] home;
    private final List<TimeAxisEntry> entries = new ArrayList<>();
    /** The first stay that ends after the last fix: where a fix's stay is looked up. */
    private int stayOfFix;
    private int day = -1;
    private int[] moveFixes = new int[0];
    private double[] moveLats = new double[0];
    private double[] moveLons = new double[0];

    /**
     * @param stays the user's stays in time order, not overlapping
     * @param home the home location's {lat, lon}, or null when the user has none
     */
    public SpaceTimePath(UserTimeZones.Resolver resolver, TimeAxisParams params, List<StayPlace> stays,
                         double[] home) {
        this.walk = new LocalDayWalk(resolver);
        this.binMillis = params.binMillis();
        this.h3Resolution = params.h3Resolution();
        this.stays = List.copyOf(stays);
        this.home = home == null ? null : home.clone();
    }

    /** Adds the next fix in time order. */
    public void addFix(long epochMillis, double lat, double lon) {
        int fixDay = walk.dayOf(epochMillis, lat, lon);
        if (fixDay != day) {
            finishDay();
            day = fixDay;
            Arrays.fill(moveFixes, 0);
        }
        while (stayOfFix < stays.size() && stays.get(stayOfFix).endMillis() <= epochMillis) {
            stayOfFix++;
        }
        boolean inStay = stayOfFix < stays.size() && stays.get(stayOfFix).startMillis() <= epochMillis;
        if (!inStay) {
            int bin = (int) ((epochMillis - walk.day(day).startMillis()) / binMillis);
            if (bin >= moveFixes.length) {
                // a day is about 24 h long: the arrays grow a few times per user, then serve every day
                int size = Math.max(bin + 1, moveFixes.length * 2);
                moveFixes = Arrays.copyOf(moveFixes, size);
                moveLats = Arrays.copyOf(moveLats, size);
                moveLons = Arrays.copyOf(moveLons, size);
            }
            if (moveFixes[bin]++ == 0) {
                moveLats[bin] = lat;
                moveLons[bin] = lon;
            }
        }
    }

    /** The bins of every day with fixes, in time order; call once, after the last fix. */
    public List<TimeAxisEntry> finish() {
        finishDay();
        day = -1;
        return List.copyOf(entries);
    }

    private int binCount(Day current) {
        return (int) ((current.endMillis() - current.startMillis() + binMillis - 1) / binMillis);
    }

    private void finishDay() {
        if (day < 0) {
            return;
        }
        Day current = walk.day(day);
        int stay = firstStayEndingAfter(current.startMillis());
        for (int bin = 0; bin < binCount(current); bin++) {
            long start = current.startMillis() + bin * binMillis;
            long end = Math.min(start + binMillis, current.endMillis());
            while (stay < stays.size() && stays.get(stay).endMillis() <= start) {
                stay++;
            }
            entries.add(entry(current, start, end, stay, bin));
        }
    }

    /** The bin {@code [start, end)}, given the first stay that ends after its start. */
    private TimeAxisEntry entry(Day current, long start, long end, int firstStay, int bin) {
        long covered = 0;
        long mostCovered = 0;
        StayPlace main = null;
        for (int i = firstStay; i < stays.size() && stays.get(i).startMillis() < end; i++) {
            StayPlace candidate = stays.get(i);
            long overlap = Math.min(end, candidate.endMillis()) - Math.max(start, candidate.startMillis());
            covered += overlap;
            if (overlap > mostCovered) {
                mostCovered = overlap;
                main = candidate;
            }
        }
        int seconds = (int) ((end - start) / 1000);
        int moves = bin < moveFixes.length ? moveFixes[bin] : 0;
        if (main != null && (2 * covered >= end - start || moves == 0)) {
            return new TimeAxisEntry(current.date(), start, seconds, AxisState.STAY,
                    distanceFromHome(main.lat(), main.lon()), CellVisits.cellOf(main.lat(), main.lon(), h3Resolution),
                    main.locationId(), main.role(), current.zone());
        }
        if (moves > 0) {
            return new TimeAxisEntry(current.date(), start, seconds, AxisState.MOVE,
                    distanceFromHome(moveLats[bin], moveLons[bin]),
                    CellVisits.cellOf(moveLats[bin], moveLons[bin], h3Resolution), null, null, current.zone());
        }
        return new TimeAxisEntry(current.date(), start, seconds, AxisState.GAP, null, null, null, null,
                current.zone());
    }

    private Double distanceFromHome(double lat, double lon) {
        return home == null ? null : Geodesy.distanceMeters(home[0], home[1], lat, lon);
    }

    private int firstStayEndingAfter(long time) {
        int low = 0;
        int high = stays.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (stays.get(middle).endMillis() <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
