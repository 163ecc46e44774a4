package dev.tracks.analysis.worker.utilization;

import dev.tracks.analysis.worker.zone.LocalZone;
import java.time.LocalDate;

/**
 * One trip's or one local day's tracked time, split into moving and stopped, with its path: a row of
 * utilization_spans, from which the utilization_metrics view derives the shares.
 *
 * @param tripId the trip's id, or null for a day
 * @param localDate the day, or the local date of the trip's start
 * @param zone the zone of {@code localDate} and its source
 * @param startMillis time of the first fix
 * @param endMillis time of the last fix
 * @param fixCount fixes of the trip or day
 * @param movingSeconds tracked time faster than the stopped speed
 * @param stoppedSeconds tracked time at or below it
 * @param spanSeconds the trip's duration, or the local day's length
 * @param pathMeters length of the tracked steps
 * @param beelineMeters first to last fix (trips), NaN for a day
 */
public record UtilizationSpan(
        Long tripId,
        LocalDate localDate,
        LocalZone zone,
        long startMillis,
        long endMillis,
        int fixCount,
        double movingSeconds,
        double stoppedSeconds,
        double spanSeconds,
        double pathMeters,
        double beelineMeters) {

    public boolean isTrip() {
        return tripId != null;
    }
}
