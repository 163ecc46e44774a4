package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.worker.stay.StoredStay;
import java.util.List;

/**
 * trackintel {@code pre_filter_locations} ({@code analysis/location_identification.py}): which users and locations
 * have enough data for home/work labels. All thresholds are inclusive ({@code >=}); zero disables one. The skill
 * catalog has no parameters for these, so stay_stats uses {@link #TRACKINTEL_DEFAULTS}.
 *
 * @param minStaysOfUser the user needs at least this many stays (trackintel counts distinct start times)
 * @param minLocationsOfUser the user needs at least this many distinct locations
 * @param minStaysAtLocation a location needs at least this many stays
 * @param minLocationDwellMillis a location needs at least this much summed stay duration
 * @param minLocationPeriodMillis a location needs at least this span from its first stay's start to its last stay's
 *     end
 */
public record FreqPreFilter(int minStaysOfUser, int minLocationsOfUser, int minStaysAtLocation,
                            long minLocationDwellMillis, long minLocationPeriodMillis) {

    /** trackintel's defaults: thresh_sp=10, thresh_loc=10, thresh_sp_at_loc=10, 1 h, 5 h. */
    public static final FreqPreFilter TRACKINTEL_DEFAULTS = new FreqPreFilter(10, 10, 10, 3_600_000L, 18_000_000L);

    /** No filtering: trackintel's {@code pre_filter=False}. */
    public static final FreqPreFilter NONE = new FreqPreFilter(0, 0, 0, 0, 0);

    /** Whether a user with these stays (all of them, located or not) and this many locations has enough data. */
    public boolean passesUser(List<StoredStay> stays, int locationCount) {
        long distinctStarts = stays.stream().mapToLong(StoredStay::startMillis).distinct().count();
        return distinctStarts >= minStaysOfUser && locationCount >= minLocationsOfUser;
    }

    /** Whether a location has enough stays, time and span to be labelled. */
    public boolean passes(Location location) {
        return location.visitCount() >= minStaysAtLocation && location.totalDwellMillis() >= minLocationDwellMillis
                && location.lastVisitMillis() - location.firstVisitMillis() >= minLocationPeriodMillis;
    }
}
