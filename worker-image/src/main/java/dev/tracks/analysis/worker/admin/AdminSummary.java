package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;

/**
 * One user's time in one administrative area at one level (a row of admin_summaries).
 *
 * @param area null for no area (at sea)
 * @param dwellSeconds the runs' durations added up
 * @param movingSeconds the dwell's steps faster than the stopped speed
 * @param distanceMeters the dwell's steps' length
 * @param localDays distinct local days with a fix in the area
 * @param entries visits after the jitter rule ({@link LevelRuns})
 * @param runs geocoding's runs in the area
 * @param fixCount the runs' fixes
 * @param firstFixMillis the first fix in the area
 * @param lastFixMillis the last fix in the area
 * @param loadId the admin load of the runs
 */
record AdminSummary(int level, AdminArea area, double dwellSeconds, double movingSeconds, double distanceMeters,
                    int localDays, int entries, int runs, long fixCount, long firstFixMillis, long lastFixMillis,
                    long loadId) {
}
