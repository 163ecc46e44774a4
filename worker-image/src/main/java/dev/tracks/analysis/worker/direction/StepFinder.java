package dev.tracks.analysis.worker.direction;

import dev.tracks.analysis.worker.geo.Geodesy;

/**
 * Cuts a walk over fixes into steps of at least a minimum length: a step runs from its anchor (the end of the
 * previous step, or the first fix) to the first fix at least that far away, which becomes the next anchor. A step
 * has the great-circle length and the initial great-circle bearing from anchor to end: a step across the
 * antimeridian is short and points east or west, and towards a pole the bearing is the course to steer at the start
 * (from the North Pole itself every step points south, 180, and from the South Pole north, 0, whatever longitude the
 * fix carries).
 */
final class StepFinder {

    private final double minMeters;
    private boolean anchored;
    private double anchorLat;
    private double anchorLon;
    private double meters;
    private double bearing;

    StepFinder(double minMeters) {
        this.minMeters = minMeters;
    }

    /** Forgets the anchor: the next fix starts afresh (after a recording gap, at a trip's start). */
    void reset() {
        anchored = false;
    }

    /** Takes the next fix; true when it ends a step, whose {@link #meters} and {@link #bearing} are then set. */
    boolean offer(double lat, double lon) {
        if (!anchored) {
            anchor(lat, lon);
            return false;
        }
        double distance = Geodesy.distanceMeters(anchorLat, anchorLon, lat, lon);
        if (distance <= 0 || distance < minMeters) {
            return false;
        }
        meters = distance;
        bearing = anchorLat >= 90 ? 180 : anchorLat <= -90 ? 0 : Geodesy.bearingDegrees(anchorLat, anchorLon, lat, lon);
        anchor(lat, lon);
        return true;
    }

    private void anchor(double lat, double lon) {
        anchored = true;
        anchorLat = lat;
        anchorLon = lon;
    }

    double meters() {
        return meters;
    }

    double bearing() {
        return bearing;
    }
}
