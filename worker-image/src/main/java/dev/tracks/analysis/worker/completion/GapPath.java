package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.Arrays;

/**
 * The path a gap's synthetic fixes follow from its first fix to its last, as a length and the position at any
 * fraction of it. Positions are written into caller's arrays: no allocation per synthetic fix.
 */
sealed interface GapPath {

    /** Length in metres (haversine, as {@link Geodesy}). */
    double lengthMeters();

    /** Writes the position at {@code fraction} (0 first fix, 1 last fix) of the length to {@code lats[k], lons[k]}. */
    void place(double fraction, double[] lats, double[] lons, int k);

    /**
     * Straight in latitude and longitude: MovingPandas {@code get_position_at} (shapely interpolation in the
     * coordinates) and Reitti's {@code interpolateCoordinates}; the longitude difference is taken the short way, so
     * a line across the antimeridian does not circle the Earth.
     */
    record StraightLine(double lat1, double lon1, double lat2, double lon2, double lengthMeters) implements GapPath {

        static StraightLine between(double lat1, double lon1, double lat2, double lon2) {
            return new StraightLine(lat1, lon1, lat2, lon2, Geodesy.distanceMeters(lat1, lon1, lat2, lon2));
        }

        @Override
        public void place(double fraction, double[] lats, double[] lons, int k) {
            interpolate(lat1, lon1, lat2, lon2, fraction, lats, lons, k);
        }

        static void interpolate(double lat1, double lon1, double lat2, double lon2, double fraction, double[] lats,
                                double[] lons, int k) {
            lats[k] = lat1 + fraction * (lat2 - lat1);
            lons[k] = Geodesy.normalizeLongitude(lon1 + fraction * Geodesy.shortWay(lon2 - lon1));
        }
    }

    /**
     * The great circle on the sphere of {@link Geodesy#EARTH_RADIUS_METERS}: "Intermediate points on a great circle"
     * of Ed Williams' Aviation Formulary, written as a rotation: with s the first fix's unit vector, u the unit vector
     * orthogonal to s towards the last fix in their plane and d the angle between them, the point at fraction f is
     * cos(fd)·s + sin(fd)·u (the same points as Williams' A·s + B·e with A = sin((1-f)d)/sin d, B = sin(fd)/sin d).
     * GeographicLib's geodesic on the WGS84 ellipsoid differs by less than 0.5 %, far below what a reconstruction of
     * an unrecorded flight can claim; the vector form has no trouble at the antimeridian or the poles. Two antipodal
     * fixes have no single great circle: the path then runs over the pole nearer to the first fix.
     */
    record GreatCircleArc(double[] start, double[] towards, double angle) implements GapPath {

        static GreatCircleArc between(double lat1, double lon1, double lat2, double lon2) {
            double angle = Geodesy.distanceMeters(lat1, lon1, lat2, lon2) / Geodesy.EARTH_RADIUS_METERS;
            double[] start = unit(lat1, lon1);
            double[] towards = orthogonal(start, unit(lat2, lon2));
            if (towards == null) {
                towards = orthogonal(start, new double[] {0, 0, lat1 >= 0 ? 1 : -1});
            }
            if (towards == null) {
                towards = new double[] {1, 0, 0};
            }
            return new GreatCircleArc(start, towards, angle);
        }

        @Override
        public double lengthMeters() {
            return angle * Geodesy.EARTH_RADIUS_METERS;
        }

        @Override
        public void place(double fraction, double[] lats, double[] lons, int k) {
            double cos = Math.cos(fraction * angle);
            double sin = Math.sin(fraction * angle);
            double x = cos * start[0] + sin * towards[0];
            double y = cos * start[1] + sin * towards[1];
            double z = cos * start[2] + sin * towards[2];
            lats[k] = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
            lons[k] = Geodesy.normalizeLongitude(Math.toDegrees(Math.atan2(y, x)));
        }

        private static double[] unit(double lat, double lon) {
            double phi = Math.toRadians(lat);
            double lambda = Math.toRadians(lon);
            return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
        }

        /** The unit vector of {@code v} less its component along {@code s}; null when v is (anti)parallel to s. */
        private static double[] orthogonal(double[] s, double[] v) {
            double dot = s[0] * v[0] + s[1] * v[1] + s[2] * v[2];
            double[] w = {v[0] - dot * s[0], v[1] - dot * s[1], v[2] - dot * s[2]};
            double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
            return norm < 1e-12 ? null : new double[] {w[0] / norm, w[1] / norm, w[2] / norm};
        }
    }

    /**
     * A route through a network: the first fix, the network's vertices, the last fix; straight between consecutive
     * vertices (OSM ways are drawn so), at constant speed along the whole.
     *
     * @param along the distance in metres from the first vertex to each vertex
     */
    record Route(double[] lats, double[] lons, double[] along) implements GapPath {

        static Route through(double[] lats, double[] lons) {
            double[] along = new double[lats.length];
            for (int i = 1; i < lats.length; i++) {
                along[i] = along[i - 1] + Geodesy.distanceMeters(lats[i - 1], lons[i - 1], lats[i], lons[i]);
            }
            return new Route(lats, lons, along);
        }

        @Override
        public double lengthMeters() {
            return along[along.length - 1];
        }

        @Override
        public void place(double fraction, double[] outLats, double[] outLons, int k) {
            double distance = fraction * lengthMeters();
            int found = Arrays.binarySearch(along, distance);
            int segment = Math.min(Math.max(found >= 0 ? found : -found - 2, 0), along.length - 2);
            double span = along[segment + 1] - along[segment];
            double within = span == 0 ? 0 : (distance - along[segment]) / span;
            StraightLine.interpolate(lats[segment], lons[segment], lats[segment + 1], lons[segment + 1], within,
                    outLats, outLons, k);
        }
    }
}
