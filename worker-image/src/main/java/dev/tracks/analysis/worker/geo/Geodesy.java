package dev.tracks.analysis.worker.geo;

/**
 * Distances on the sphere, as the reference libraries compute them: the haversine formula with the mean Earth radius
 * of 6,371 km (scikit-mobility {@code utils/gislib.py}, trackintel {@code haversine_dist}). The error against the
 * WGS84 ellipsoid is below 0.5 %, far below GPS noise, and the formula is cheap enough for every fix.
 */
public final class Geodesy {

    /** Mean Earth radius in metres (IUGG), the radius trackintel and scikit-mobility use. */
    public static final double EARTH_RADIUS_METERS = 6_371_000.0;

    private Geodesy() {
    }

    /** Great-circle distance in metres between two positions in degrees. */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinPhi = Math.sin(dPhi / 2);
        double sinLambda = Math.sin(dLambda / 2);
        double a = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Initial bearing in degrees [0, 360) from the first position towards the second. */
    public static double bearingDegrees(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dLambda = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        double degrees = Math.toDegrees(Math.atan2(y, x));
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /**
     * The position reached from a start position after {@code distanceMeters} on the initial bearing: the inverse of
     * {@link #distanceMeters} and {@link #bearingDegrees}, used to generate and check tracks.
     *
     * @return {lat, lon} in degrees, lon normalised to [-180, 180)
     */
    public static double[] destination(double lat, double lon, double bearingDegrees, double distanceMeters) {
        double delta = distanceMeters / EARTH_RADIUS_METERS;
        double theta = Math.toRadians(bearingDegrees);
        double phi1 = Math.toRadians(lat);
        double lambda1 = Math.toRadians(lon);
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        return new double[] {Math.toDegrees(phi2), normalizeLongitude(Math.toDegrees(lambda2))};
    }

    /**
     * A longitude difference taken the short way round the globe, in (-180, 180]: a step from 179.9 to -179.9 is
     * +0.2, not -359.8.
     */
    public static double shortWay(double dLon) {
        if (dLon > 180) {
            return dLon - 360;
        }
        return dLon <= -180 ? dLon + 360 : dLon;
    }

    /** A longitude in [-180, 180). */
    public static double normalizeLongitude(double lon) {
        double normalized = ((lon + 180) % 360 + 360) % 360 - 180;
        return normalized;
    }
}
