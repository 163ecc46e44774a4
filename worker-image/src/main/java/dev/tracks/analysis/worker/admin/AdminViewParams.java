package dev.tracks.analysis.worker.admin;

import java.time.ZoneId;

/**
 * Parameters of admin_view, bound by name from the skill catalog ({@code StatisticsSkills}).
 *
 * @param minDwellSeconds a visit shorter than this between two others, without a recording gap on either side, is
 *     border jitter and no entry (see {@link LevelRuns})
 * @param stoppedSpeedKmh a step between fixes at or below this speed is stopped time (gpxpy's 1 km/h, as
 *     utilization_efficiency)
 * @param timeZone the zone of the local days when the user has none set and the position gives none
 */
public record AdminViewParams(int minDwellSeconds, double stoppedSpeedKmh, ZoneId timeZone) {

    long minDwellMillis() {
        return minDwellSeconds * 1000L;
    }
}
