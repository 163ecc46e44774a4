package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.worker.skill.UserFixes;
import dev.tracks.analysis.worker.store.FixStream;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The positions of a few of a user's fixes, found by id in one pass over the fixes, which stops once all are found:
 * admin_crossings needs the fixes on both sides of each change, geocoding's runs store only their ids.
 */
final class FixPositions {

    private final long[] ids;
    private final double[] lats;
    private final double[] lons;
    private final boolean[] found;

    /** @param ids the fixes wanted, in any order, repeats allowed */
    FixPositions(long[] ids) {
        this.ids = Arrays.stream(ids).sorted().distinct().toArray();
        this.lats = new double[this.ids.length];
        this.lons = new double[this.ids.length];
        this.found = new boolean[this.ids.length];
    }

    /** Reads the fixes in portions of {@code portion} until every wanted fix is found. */
    void read(UserFixes fixes, int portion) throws SQLException {
        int missing = ids.length;
        if (missing == 0) {
            return;
        }
        Fixes buffer = new Fixes(portion);
        try (FixStream stream = fixes.open()) {
            while (missing > 0 && stream.readInto(buffer, portion) > 0) {
                for (int i = 0; i < buffer.size(); i++) {
                    int index = Arrays.binarySearch(ids, buffer.id(i));
                    if (index >= 0 && !found[index]) {
                        found[index] = true;
                        lats[index] = buffer.lat(i);
                        lons[index] = buffer.lon(i);
                        missing--;
                    }
                }
                buffer.dropBefore(buffer.size());
            }
        }
    }

    double lat(long id) {
        return lats[indexOf(id)];
    }

    double lon(long id) {
        return lons[indexOf(id)];
    }

    private int indexOf(long id) {
        int index = Arrays.binarySearch(ids, id);
        if (index < 0 || !found[index]) {
            throw new IllegalStateException("fix " + id + " of geocoding's runs is not among the user's fixes read:"
                    + " admin_visits and track_points disagree");
        }
        return index;
    }
}
