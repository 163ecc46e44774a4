package dev.tracks.analysis.worker.store;

import java.time.Instant;

/**
 * How far a skill has analyzed one user's points (a row of skill_watermarks).
 *
 * @param lastRecordedAt the time of the last point analyzed
 * @param lastPointId the highest point id analyzed: a point with a higher id recorded before lastRecordedAt arrived
 *     late
 * @param resumeFrom results at or after this time are provisional (null: none are)
 * @param contextFrom the next run re-reads points from this time (null: only points after lastRecordedAt)
 * @param paramsHash the hash of the parameters the results were computed with (ParamsHash); null for results of
 *     before V26, taken as computed with any
 */
public record Watermark(String userId, Instant lastRecordedAt, long lastPointId, long analyzedPoints,
                        Instant resumeFrom, Instant contextFrom, String paramsHash) {

    /** The time from which the next run reads points, or null to read those after {@link #lastRecordedAt}. */
    public Instant readFrom() {
        return contextFrom;
    }

    /** Whether the results were computed with other parameters than those of {@code hash}. */
    public boolean computedWithOther(String hash) {
        return paramsHash != null && !paramsHash.equals(hash);
    }
}
