package dev.tracks.analysis.worker.geocoding;

import com.uber.h3core.util.LatLng;
import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.reference.admin.AdminAreas;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin areas of positions, per level, with point-in-polygon lookups once per H3 cell: a cell's answer is its
 * centre's, cached for the task. A cell whose corners are not all in the centre's areas straddles a border; its fixes
 * are looked up one by one. A border that enters a cell between its corners and leaves again is not noticed: a fix
 * within about a cell's size of such a border may take the centre's area. Answers are arrays indexed like
 * {@link #levels()}, an entry null where the position is in no area of that level (of two areas sharing an edge, a
 * position on it takes the one with the lower code). Safe for concurrent use.
 */
final class CellAreas {

    /** Bounds the cache (about 100 bytes a cell): a task over more distinct cells starts it afresh. */
    private static final int MAX_CACHED_CELLS = 1 << 20;
    /** The cached answer of a cell that straddles a border. */
    private static final AdminArea[] STRADDLES = new AdminArea[0];

    private final AdminAreas areas;
    private final int[] levels;
    private final int resolution;
    private final Map<Long, AdminArea[]> byCell = new ConcurrentHashMap<>();

    /** @param levels the levels to answer, ascending */
    CellAreas(AdminAreas areas, int[] levels, int resolution) {
        this.areas = areas;
        this.levels = levels.clone();
        this.resolution = resolution;
    }

    int[] levels() {
        return levels.clone();
    }

    int levelCount() {
        return levels.length;
    }

    int resolution() {
        return resolution;
    }

    long loadId() {
        return areas.loadId();
    }

    /** The areas of every position in the cell, or null when the cell straddles a border (see {@link #ofPoint}). */
    AdminArea[] ofCell(long cell) {
        AdminArea[] cached = byCell.get(cell);
        if (cached == null) {
            if (byCell.size() >= MAX_CACHED_CELLS) {
                byCell.clear();
            }
            cached = lookUpCell(cell);
            byCell.put(cell, cached);
        }
        return cached == STRADDLES ? null : cached;
    }

    /** The areas of one position. */
    AdminArea[] ofPoint(double lat, double lon) {
        AdminArea[] found = new AdminArea[levels.length];
        for (AdminArea area : areas.containing(lat, lon)) {
            int index = Arrays.binarySearch(levels, area.level());
            if (index >= 0 && found[index] == null) {
                found[index] = area;
            }
        }
        return found;
    }

    private AdminArea[] lookUpCell(long cell) {
        double[] centre = CellVisits.centreOf(cell);
        AdminArea[] atCentre = ofPoint(centre[0], centre[1]);
        for (LatLng corner : CellVisits.boundaryOf(cell)) {
            if (!Arrays.equals(ofPoint(corner.lat, corner.lng), atCentre)) {
                return STRADDLES;
            }
        }
        return atCentre;
    }
}
