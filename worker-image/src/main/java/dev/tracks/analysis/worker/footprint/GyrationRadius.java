package dev.tracks.analysis.worker.footprint;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.location.LocationCentre;

/**
 * The radius of gyration (Gonzalez et al. 2008) as trackintel {@code radius_gyration} and scikit-mobility
 * {@code radius_of_gyration}/{@code k_radius_of_gyration} compute it: the centre is the weighted arithmetic mean of
 * the latitudes and of the longitudes, and the radius the square root of the weighted mean of the squared haversine
 * distances (R = 6371 km) to it. Longitudes are unwrapped around the first position before averaging, so that a
 * footprint across the antimeridian is not centred on the other side of the globe; elsewhere this changes nothing.
 */
final class GyrationRadius {

    private GyrationRadius() {
    }

    /** The radius in metres; NaN when there are no positions or all weights are 0. */
    static double of(double[] lats, double[] lons, double[] weights) {
        double total = 0;
        double latSum = 0;
        double lonSum = 0;
        for (int i = 0; i < lats.length; i++) {
            total += weights[i];
            latSum += weights[i] * lats[i];
            lonSum += weights[i] * LocationCentre.unwrap(lons[i], lons[0]);
        }
        if (!(total > 0)) {
            return Double.NaN;
        }
        double centreLat = latSum / total;
        double centreLon = lonSum / total;
        double squares = 0;
        for (int i = 0; i < lats.length; i++) {
            double distance = Geodesy.distanceMeters(lats[i], lons[i], centreLat, centreLon);
            squares += weights[i] * distance * distance;
        }
        return Math.sqrt(squares / total);
    }
}
