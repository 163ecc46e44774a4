package dev.tracks.analysis.worker.revisit;

import java.time.ZoneId;

/**
 * Parameters of revisit_pattern, bound by name from the skill catalog ({@code SpatialSkills}).
 *
 * @param minVisits locations visited fewer times get no revisit_patterns row (they still count in the ranks and
 *     in S(t))
 * @param timeZone zone of the distinct days when the user has none set and the location's position gives none
 */
public record RevisitParams(int minVisits, ZoneId timeZone) {
}
