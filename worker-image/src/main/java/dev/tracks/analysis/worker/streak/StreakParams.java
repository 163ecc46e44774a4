package dev.tracks.analysis.worker.streak;

import java.time.ZoneId;

/**
 * Parameters of streak_detection, bound by name from the skill catalog ({@code BehaviorSkills}).
 *
 * @param minTripsPerDay trips that must start on a local day for it to count in a trips streak
 * @param minFixesPerDay fixes that must be recorded on a local day for it to count in a fixes streak
 * @param timeZone the zone of the local days when the user has no zone setting and a fix lies outside every zone
 *     polygon
 */
public record StreakParams(int minTripsPerDay, int minFixesPerDay, ZoneId timeZone) {
}
