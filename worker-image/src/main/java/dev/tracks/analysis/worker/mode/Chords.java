package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * A segment's path as chords of at least {@link #CHORD_METERS}: a new vertex at the first fix that lies that far from
 * the previous vertex. Chords are what headings and distances along the segment are measured on. GPS errors are
 * correlated over tens of seconds, so between two fixes 100 m apart they shift the heading by a few degrees, where
 * step-to-step headings at walking or stop-and-go speed turn at random; and a standing receiver's scatter adds no
 * length. A single-fix spike (reached and left by a detour of {@link #SPIKE_DETOUR_METERS} or more beyond twice the
 * direct way) is skipped so that it neither makes two turns nor adds length.
 */
final class Chords {

    static final double CHORD_METERS = 100;
    static final double SPIKE_DETOUR_METERS = 60;
    /**
     * A heading change at least this large from one chord to the next but one is a turn. Measured across two chord
     * ends so that a corner that falls inside a chord still shows its full angle (a right-angle junction turn gives
     * about 90); a rail curve of 300 m radius, tighter than most lines allow at speed, turns about 40 over 200 m.
     */
    static final double TURN_DEGREES = 60;

    /** Distance along the chords up to each fix's last vertex, index {@code fix - first}. */
    final double[] along;
    /** Length of the chord path (whole chords only). */
    final double lengthMeters;
    final int turns;
    final double headingChangeDegrees;

    private Chords(double[] along, double lengthMeters, int turns, double headingChangeDegrees) {
        this.along = along;
        this.lengthMeters = lengthMeters;
        this.turns = turns;
        this.headingChangeDegrees = headingChangeDegrees;
    }

    static Chords of(Fixes fixes, StepProfile profile, int first, int last) {
        double[] along = new double[last - first + 1];
        int vertex = first;
        double length = 0;
        double previousBearing = Double.NaN;
        double secondLastBearing = Double.NaN;
        int turns = 0;
        double change = 0;
        for (int i = first + 1; i <= last; i++) {
            if (i < last && isSpike(fixes, profile, i)) {
                along[i - first] = length;
                continue;
            }
            double meters = Geodesy.distanceMeters(fixes.lat(vertex), fixes.lon(vertex), fixes.lat(i), fixes.lon(i));
            if (meters >= CHORD_METERS) {
                double bearing = Geodesy.bearingDegrees(fixes.lat(vertex), fixes.lon(vertex), fixes.lat(i),
                        fixes.lon(i));
                if (!Double.isNaN(previousBearing)) {
                    change += Math.abs(Geodesy.shortWay(bearing - previousBearing));
                }
                if (!Double.isNaN(secondLastBearing)
                        && Math.abs(Geodesy.shortWay(bearing - secondLastBearing)) >= TURN_DEGREES) {
                    turns++;
                    secondLastBearing = Double.NaN;
                } else {
                    secondLastBearing = previousBearing;
                }
                previousBearing = bearing;
                length += meters;
                vertex = i;
            }
            along[i - first] = length;
        }
        return new Chords(along, length, turns, change);
    }

    private static boolean isSpike(Fixes fixes, StepProfile profile, int i) {
        double detour = profile.stepMeters[i] + profile.stepMeters[i + 1];
        if (detour < SPIKE_DETOUR_METERS) {
            return false;
        }
        double direct = Geodesy.distanceMeters(fixes.lat(i - 1), fixes.lon(i - 1), fixes.lat(i + 1), fixes.lon(i + 1));
        return detour > 2 * direct + SPIKE_DETOUR_METERS;
    }
}
