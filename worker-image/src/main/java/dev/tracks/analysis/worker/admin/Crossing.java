package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.reference.admin.AdminArea;

/**
 * A change of administrative area at one level (a row of admin_crossings).
 *
 * @param from the area left, null for none (at sea)
 * @param to the area entered, null for none
 * @param place when and where, null when the change happened in a recording gap
 * @param gapStartMillis the last fix before the change
 * @param gapEndMillis the first fix after the change
 * @param beforePointId the last fix before the change
 * @param afterPointId the first fix after the change
 * @param loadId the admin load of the runs the change lies between
 */
record Crossing(int level, AdminArea from, AdminArea to, Place place, long gapStartMillis, long gapEndMillis,
                long beforePointId, long afterPointId, long loadId) {

    /**
     * Where the segment between the two fixes meets the boundary, and when (interpolated along it).
     *
     * @param onBoundary false when the segment meets neither area's boundary: the segment's midpoint
     */
    record Place(long millis, double lat, double lon, boolean onBoundary) {
    }

    boolean inGap() {
        return place == null;
    }
}
