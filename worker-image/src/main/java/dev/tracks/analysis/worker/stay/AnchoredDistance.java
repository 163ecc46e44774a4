package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.worker.geo.Geodesy;

/**
 * Distances from the anchor of a window, as squared chords on the unit sphere: {@code 4 hav(d / R)} of the haversine
 * formula, which grows strictly with the great-circle distance {@code d}. Comparing it with the squared chord of the
 * threshold is the same test as trackintel's {@code 6371000 * acos(cos(dPhi) - cos(phi1) cos(phi2) (1 - cos(dLambda)))
 * >= threshold} (i.e. comparing {@code cos(d / R)}), without {@code acos} and its loss of precision at short range.
 * The anchor's sine and cosine are computed once per anchor; per fix only the sines of half the small coordinate
 * differences are needed ({@link SmallAngles}), so the inner loop calls no trigonometric function.
 */
final class AnchoredDistance {

    private double phi;
    private double sinPhi;
    private double cosPhi;
    private double lambda;

    /** The squared chord that corresponds to a great-circle distance in metres. */
    static double chordSquaredOf(double distanceMeters) {
        double chord = 2 * Math.sin(Math.min(distanceMeters / Geodesy.EARTH_RADIUS_METERS, Math.PI) / 2);
        return chord * chord;
    }

    void anchorAt(double latDegrees, double lonDegrees) {
        phi = Math.toRadians(latDegrees);
        sinPhi = Math.sin(phi);
        cosPhi = Math.cos(phi);
        lambda = Math.toRadians(lonDegrees);
    }

    /** The squared chord from the anchor to a position in degrees. */
    double chordSquared(double latDegrees, double lonDegrees) {
        double halfDPhi = (Math.toRadians(latDegrees) - phi) / 2;
        double halfDLambda = SmallAngles.wrap(Math.toRadians(lonDegrees) - lambda) / 2;
        double sinHalfDPhi = SmallAngles.sin(halfDPhi);
        double sinHalfDLambda = SmallAngles.sin(halfDLambda);
        // cos(phi1) cos(phi2) = cos^2(mid) - sin^2(dPhi / 2), with mid = phi1 + dPhi / 2
        double cosMid = cosPhi * SmallAngles.cos(halfDPhi) - sinPhi * sinHalfDPhi;
        double cosProduct = cosMid * cosMid - sinHalfDPhi * sinHalfDPhi;
        return 4 * (sinHalfDPhi * sinHalfDPhi + cosProduct * sinHalfDLambda * sinHalfDLambda);
    }

    /** The longitude difference in radians from the anchor to {@code lonDegrees}, in [-pi, pi]. */
    double lonOffset(double lonDegrees) {
        return SmallAngles.wrap(Math.toRadians(lonDegrees) - lambda);
    }

    double lonRadians() {
        return lambda;
    }
}
