package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.reference.osm.OsmWay;
import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.List;

/**
 * The box of the graph's road positions: a point farther than a distance from it has no road within that distance.
 * Longitudes are compared also shifted by 360 degrees (a network across the antimeridian has a box of every
 * longitude, which is only generous; so has one with a segment across it).
 */
record RoadReach(double minLat, double maxLat, double minLon, double maxLon) {

    static RoadReach of(List<OsmWay> ways) {
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (OsmWay way : ways) {
            for (int i = 0; i < way.size(); i++) {
                minLat = Math.min(minLat, way.lats()[i]);
                maxLat = Math.max(maxLat, way.lats()[i]);
                minLon = Math.min(minLon, way.lons()[i]);
                maxLon = Math.max(maxLon, way.lons()[i]);
                if (i > 0 && Math.abs(way.lons()[i] - way.lons()[i - 1]) > 180) {
                    // A segment across the antimeridian: its points between the two nodes lie beyond both.
                    minLon = -180;
                    maxLon = 180;
                }
            }
        }
        return new RoadReach(minLat, maxLat, minLon, maxLon);
    }

    /**
     * Whether a point may lie within {@code meters} of the box. By the haversine formula two points at most
     * {@code d} apart differ in latitude by at most {@code d / R} and in longitude by at most
     * {@code 2 asin(sin(d / 2R) / cos(phi))}, phi the highest latitude either can have.
     */
    boolean within(double lat, double lon, double meters) {
        if (minLat > maxLat) {
            return false;
        }
        double angle = meters / Geodesy.EARTH_RADIUS_METERS;
        double dLat = Math.toDegrees(angle);
        if (lat < minLat - dLat || lat > maxLat + dLat) {
            return false;
        }
        double highest = Math.toRadians(Math.max(Math.abs(lat), Math.max(Math.abs(minLat), Math.abs(maxLat)))
                + dLat);
        double sine = Math.sin(angle / 2) / Math.cos(Math.min(highest, Math.PI / 2));
        if (sine >= 1) {
            return true;
        }
        double dLon = Math.toDegrees(2 * Math.asin(sine));
        for (double shifted : new double[] {lon, lon - 360, lon + 360}) {
            if (shifted >= minLon - dLon && shifted <= maxLon + dLon) {
                return true;
            }
        }
        return false;
    }
}
