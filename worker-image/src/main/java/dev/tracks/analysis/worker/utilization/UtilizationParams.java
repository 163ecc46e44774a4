package dev.tracks.analysis.worker.utilization;

import java.time.ZoneId;

/**
 * Parameters of the utilization_efficiency skill, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param stoppedSpeedKmh a step between fixes at or below this speed is stopped time (gpxpy's
 *     {@code DEFAULT_STOPPED_SPEED_THRESHOLD}, 1 km/h)
 * @param maxGapSeconds a step longer than this is a recording gap: not tracked, neither moving nor stopped (15 min,
 *     the gap trip construction splits trips at)
 * @param timeZone the zone of the local days when the user has none set and the position gives none
 */
public record UtilizationParams(double stoppedSpeedKmh, int maxGapSeconds, ZoneId timeZone) {

    long maxGapMillis() {
        return maxGapSeconds * 1000L;
    }
}
