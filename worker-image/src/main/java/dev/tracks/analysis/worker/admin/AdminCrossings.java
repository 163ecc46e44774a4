package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.worker.admin.Crossing.Place;
import dev.tracks.analysis.worker.admin.LevelRuns.Visit;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.geocoding.AdminVisit;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * admin_crossings: the changes of administrative area in a user's geocoding runs, per level, timed and placed on
 * the boundary.
 *
 * <ul>
 *   <li>A crossing is a change between two consecutive visits of {@link LevelRuns} (so border jitter shorter than
 *       minDwell is none: A, B (short), A gives no crossing, and A, B (short), C one from A to C). It lies between
 *       the last kept run of the visit left and the run after it: for A, B (short), C, where A was left.</li>
 *   <li>The place is where the segment from the last fix before the change to the first fix after it first leaves
 *       the area left ({@link BoundaryCrossing}), or, coming from no area (at sea), where it last enters the area of
 *       the run after the change; the time is interpolated linearly along the segment (constant speed between the two
 *       fixes, as MovingPandas {@code get_position_at}). The boundaries are those of the admin load each run was made
 *       with. When the segment meets neither boundary (geocoding's cell cache put a fix within about a cell of the
 *       border in the cell centre's area), the segment's midpoint stands in, marked not on the boundary.</li>
 *   <li>A change across a recording gap (geocoding ended the run before it at its last fix) is not interpolated as if
 *       the user had moved straight and steadily through the gap: it has no place, only the gap's bounds.</li>
 * </ul>
 */
final class AdminCrossings {

    /** The admin areas of a load, by id. */
    @FunctionalInterface
    interface Loads {
        AdminAreas of(long loadId) throws SQLException;
    }

    /**
     * A crossing before its place is known.
     *
     * @param before the last kept run of the visit left
     * @param after the run after it (in the visit entered, or border jitter absorbed into the crossing)
     */
    record Change(int level, AdminArea from, AdminArea to, AdminVisit before, AdminVisit after, boolean inGap,
                  long beforeLoadId, long afterLoadId) {
    }

    private AdminCrossings() {
    }

    /** The changes of every level, levels ascending, each level's in time order. */
    static List<Change> changes(List<LevelRuns> levels, long minDwellMillis) {
        List<Change> changes = new ArrayList<>();
        for (LevelRuns runs : levels) {
            List<Visit> visits = runs.visits(minDwellMillis);
            for (int v = 1; v < visits.size(); v++) {
                int last = visits.get(v - 1).lastRun();
                changes.add(new Change(runs.level(), visits.get(v - 1).area(), visits.get(v).area(), runs.run(last),
                        runs.run(last + 1), runs.gapBefore(last + 1), runs.loadId(last), runs.loadId(last + 1)));
            }
        }
        return changes;
    }

    /** The fixes whose positions {@link #place} needs: those on both sides of each continuous change. */
    static long[] fixesToPlace(List<Change> changes) {
        return changes.stream().filter(change -> !change.inGap())
                .flatMapToLong(change -> LongStream.of(change.before().lastFixId(),
                        change.after().firstFixId())).toArray();
    }

    /** The crossing of a change: placed on the boundary, or with the gap's bounds. */
    static Crossing place(Change change, FixPositions positions, Loads loads) throws SQLException {
        AdminVisit before = change.before();
        AdminVisit after = change.after();
        Place place = null;
        if (!change.inGap()) {
            double lat1 = positions.lat(before.lastFixId());
            double lon1 = positions.lon(before.lastFixId());
            double lat2 = positions.lat(after.firstFixId());
            double lon2 = positions.lon(after.firstFixId());
            double fraction = Double.NaN;
            if (before.area() != null) {
                fraction = BoundaryCrossing.fraction(loads.of(change.beforeLoadId()).geometriesOf(before.area()),
                        lat1, lon1, lat2, lon2, true);
            }
            if (Double.isNaN(fraction) && after.area() != null) {
                fraction = BoundaryCrossing.fraction(loads.of(change.afterLoadId()).geometriesOf(after.area()),
                        lat1, lon1, lat2, lon2, false);
            }
            place = place(lat1, lon1, before.lastFixMillis(), lat2, lon2, after.startMillis(), fraction);
        }
        return new Crossing(change.level(), change.from(), change.to(), place, before.lastFixMillis(),
                after.startMillis(), before.lastFixId(), after.firstFixId(), change.beforeLoadId());
    }

    /** The point at {@code fraction} of the segment (NaN: its midpoint, not on a boundary). */
    private static Place place(double lat1, double lon1, long millis1, double lat2, double lon2, long millis2,
                               double fraction) {
        boolean onBoundary = !Double.isNaN(fraction);
        double f = onBoundary ? fraction : 0.5;
        double lon = lon1 + f * Geodesy.shortWay(lon2 - lon1);
        if (lon > 180) {
            lon -= 360;
        } else if (lon < -180) {
            lon += 360;
        }
        return new Place(millis1 + Math.round(f * (millis2 - millis1)), lat1 + f * (lat2 - lat1), lon, onBoundary);
    }
}
