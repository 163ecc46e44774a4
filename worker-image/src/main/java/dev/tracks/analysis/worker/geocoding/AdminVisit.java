package dev.tracks.analysis.worker.geocoding;

import dev.tracks.analysis.reference.admin.AdminArea;

/**
 * A run: consecutive clean fixes of one user in the same administrative area at one level.
 *
 * @param level the admin level of the run
 * @param area the area, or null when the fixes lie in no area of the level (at sea, in a hole)
 * @param firstFixId id of the run's first fix
 * @param lastFixId id of the run's last fix
 * @param fixCount number of fixes in the run
 * @param startMillis time of the first fix
 * @param lastFixMillis time of the last fix
 * @param endMillis the next fix's time if it followed within maxGapSeconds, else {@code lastFixMillis}
 */
public record AdminVisit(int level, AdminArea area, long firstFixId, long lastFixId, int fixCount, long startMillis,
                         long lastFixMillis, long endMillis) {
}
