package dev.tracks.analysis.worker.streak;

import dev.tracks.analysis.worker.zone.LocalZone;
import java.time.LocalDate;

/**
 * A maximal run of consecutive local days that each count for the kind.
 *
 * @param startDate the run's first local day
 * @param endDate the run's last local day
 * @param days the local days in the run (fewer than the dates from start to end only when the walk skipped one, see
 *     {@code LocalDayWalk})
 * @param zone the zone of the run's last day, and where it came from
 * @param current whether the run reaches the user's last local day with fixes, or the day before it
 */
public record Streak(StreakKind kind, LocalDate startDate, LocalDate endDate, int days, LocalZone zone,
                     boolean current) {
}
