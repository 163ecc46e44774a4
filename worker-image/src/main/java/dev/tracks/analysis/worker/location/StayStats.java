package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.List;

/**
 * stay_stats: one user's stays clustered into locations ({@link LocationGenerator}, trackintel
 * {@code generate_locations} DBSCAN) with home and work labelled ({@link FreqLocationIdentifier}, trackintel
 * {@code location_identifier(method="FREQ")} with its default pre-filter). This is a whole-user analysis, not a
 * stream: DBSCAN ids can change when a stay bridges two locations, so the runtime recomputes a user's locations from
 * all of the user's stays and replaces them.
 */
public final class StayStats {

    private StayStats() {
    }

    /** Locations with visits, dwell, first/last visit and home/work roles, plus each stay's location. */
    public static LocationResult analyze(List<StoredStay> stays, StayStatsParams params) {
        LocationResult locations = LocationGenerator.generateLocations(stays, params);
        return FreqLocationIdentifier.identify(stays, locations, FreqPreFilter.TRACKINTEL_DEFAULTS);
    }
}
