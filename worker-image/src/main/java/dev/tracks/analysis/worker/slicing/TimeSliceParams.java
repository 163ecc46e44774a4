package dev.tracks.analysis.worker.slicing;

import java.time.ZoneId;

/**
 * Parameters of time_space_slicing, bound by name from the skill catalog ({@code AdvancedSkills}).
 *
 * @param granularity the length of a local time bucket
 * @param maxDwellGapSeconds an interval between consecutive fixes longer than this counts as neither dwell nor
 *     distance (grid_system's rule and default, so that by default the dwell of a cell summed over the buckets is
 *     grid_cells' dwell)
 * @param timeZone the zone of the buckets for a user without a zone of their own at a position without one
 */
public record TimeSliceParams(Granularity granularity, int maxDwellGapSeconds, ZoneId timeZone) {

    long maxDwellGapMillis() {
        return maxDwellGapSeconds * 1000L;
    }
}
