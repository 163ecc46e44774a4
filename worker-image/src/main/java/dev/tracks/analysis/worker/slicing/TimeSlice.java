package dev.tracks.analysis.worker.slicing;

import dev.tracks.analysis.worker.zone.ZoneSource;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A user's presence in one H3 cell during one local time bucket.
 *
 * @param granularity the bucket's kind
 * @param bucketStartMillis the bucket's start (inclusive)
 * @param bucketEndMillis the bucket's end (exclusive)
 * @param localStart the bucket's start on the wall clock of {@code zone}
 * @param zone the bucket's zone: that of the row's first contributing fix
 * @param zoneSource where that zone came from
 * @param cell the H3 cell index
 * @param resolution the cell's H3 resolution
 * @param fixCount fixes recorded in the cell during the bucket (0: only time carried over from the bucket before)
 * @param dwellMillis time from each fix in the cell to the next fix, cut at the bucket's bounds
 * @param distanceMeters distance from each fix in the cell to the next fix, shared among buckets like the time
 * @param firstEvidenceMillis the time of the row's first contributing fix: its first fix in the cell, or for time
 *     carried over from an earlier bucket the fix that ended that interval; the row's time for the runtime
 */
public record TimeSlice(Granularity granularity, long bucketStartMillis, long bucketEndMillis,
                        LocalDateTime localStart, ZoneId zone, ZoneSource zoneSource, long cell, int resolution,
                        int fixCount, long dwellMillis, double distanceMeters, long firstEvidenceMillis) {
}
