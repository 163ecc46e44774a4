package dev.tracks.analysis.worker.annotation;

import dev.tracks.analysis.worker.location.LocationsTable.StoredLocation;
import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stays of each location, found by the stay ids stay_stats stored with it. */
final class LocatedStays {

    private LocatedStays() {
    }

    /** Per location (indexed like {@code locations}), its stays in the order of its ids; unknown ids are skipped. */
    static List<List<StoredStay>> byLocation(List<StoredStay> stays, List<StoredLocation> locations) {
        Map<Long, StoredStay> stayById = new HashMap<>();
        for (StoredStay stay : stays) {
            stayById.put(stay.id(), stay);
        }
        List<List<StoredStay>> members = new ArrayList<>(locations.size());
        for (StoredLocation location : locations) {
            List<StoredStay> found = new ArrayList<>(location.stayIds().length);
            for (long stayId : location.stayIds()) {
                StoredStay stay = stayById.get(stayId);
                if (stay != null) {
                    found.add(stay);
                }
            }
            members.add(found);
        }
        return members;
    }
}
