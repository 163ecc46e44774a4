package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.worker.geocoding.AdminVisit;
import dev.tracks.analysis.worker.geocoding.AdminVisitsTable.StoredVisit;
import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin units of a location from geocoding's runs (admin_visits), not from a point lookup at its centre: per
 * level, the area whose runs overlap the location's stays the longest (ties to the lower code), so the answer is the
 * one geocoding gave the fixes of those stays, at its cell resolution, from the admin load it read. Runs in no area
 * and stays of zero duration count for nothing; a level no run of an area overlaps has no unit.
 */
final class AdminUnits {

    /** Levels with columns in stay_annotations (geocoding's maxAdminLevel goes up to 2). */
    static final int LEVELS = 3;

    /** An area at one level: its code and name. */
    record Unit(String code, String name) {
    }

    /** Per level, the runs in time order; each level's runs follow each other without overlap. */
    private final List<List<StoredVisit>> runsByLevel = new ArrayList<>();

    AdminUnits(List<StoredVisit> runs) {
        for (int level = 0; level < LEVELS; level++) {
            runsByLevel.add(new ArrayList<>());
        }
        for (StoredVisit run : runs) {
            if (run.visit().level() < LEVELS && run.visit().area() != null) {
                runsByLevel.get(run.visit().level()).add(run);
            }
        }
    }

    /** The unit per level (null where none) of a location with these stays. */
    Unit[] of(List<StoredStay> stays) {
        Unit[] units = new Unit[LEVELS];
        for (int level = 0; level < LEVELS; level++) {
            List<StoredVisit> runs = runsByLevel.get(level);
            Map<Unit, Long> overlap = new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
            for (StoredStay stay : stays) {
                for (int i = firstEndingAfter(runs, stay.startMillis()); i < runs.size()
                        && runs.get(i).visit().startMillis() < stay.endMillis(); i++) {
                    AdminVisit run = runs.get(i).visit();
                    long millis = Math.min(run.endMillis(), stay.endMillis())
                            - Math.max(run.startMillis(), stay.startMillis());
                    if (millis > 0) {
                        overlap.merge(new Unit(run.area().code(), run.area().name()), millis, Long::sum);
                    }
                }
            }
            long best = 0;
            for (Map.Entry<Unit, Long> entry : overlap.entrySet()) {
                if (entry.getValue() > best) {
                    best = entry.getValue();
                    units[level] = entry.getKey();
                }
            }
        }
        return units;
    }

    /** The index of the first run that ends after {@code millis} (runs end in time order). */
    private static int firstEndingAfter(List<StoredVisit> runs, long millis) {
        int low = 0;
        int high = runs.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (runs.get(middle).visit().endMillis() <= millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
