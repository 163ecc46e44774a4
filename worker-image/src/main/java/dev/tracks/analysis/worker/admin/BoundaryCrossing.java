package dev.tracks.analysis.worker.admin;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.List;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Where a straight segment between two fixes meets an area's boundary, as a fraction of the way from the first fix
 * to the second. The segment is straight in longitude and latitude, as the edges of GeoJSON polygons are, so a border
 * drawn as a straight edge is met exactly where a track straight in the same plane meets it. A segment whose
 * longitudes differ by more than 180 degrees goes the short way, across the antimeridian: it is tried in both
 * longitude frames, so an area split at +-180 degrees (as GeoJSON requires) is met on either side.
 */
final class BoundaryCrossing {

    private BoundaryCrossing() {
    }

    /**
     * The smallest ({@code first}) or largest fraction in [0, 1] at which the segment meets the boundary of any of
     * the geometries (polygons or multipolygons, holes included), or NaN when it meets none.
     */
    static double fraction(List<Geometry> geometries, double lat1, double lon1, double lat2, double lon2,
                           boolean first) {
        double dLon = Geodesy.shortWay(lon2 - lon1);
        double best = Double.NaN;
        best = pick(best, inFrame(geometries, lon1, lat1, lon1 + dLon, lat2, first), first);
        double end = lon1 + dLon;
        if (end > 180 || end < -180) {
            double shift = end > 180 ? -360 : 360;
            best = pick(best, inFrame(geometries, lon1 + shift, lat1, end + shift, lat2, first), first);
        }
        return best;
    }

    /** The fraction for the segment (ax, ay)-(bx, by) in one longitude frame. */
    private static double inFrame(List<Geometry> geometries, double ax, double ay, double bx, double by,
                                  boolean first) {
        Coordinate a = new Coordinate(ax, ay);
        Coordinate b = new Coordinate(bx, by);
        double lengthSquared = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
        LineIntersector intersector = new RobustLineIntersector();
        Coordinate c0 = new Coordinate();
        Coordinate c1 = new Coordinate();
        double best = Double.NaN;
        for (Geometry geometry : geometries) {
            for (int g = 0; g < geometry.getNumGeometries(); g++) {
                if (!(geometry.getGeometryN(g) instanceof Polygon polygon)) {
                    continue;
                }
                for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                    CoordinateSequence ring = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r))
                            .getCoordinateSequence();
                    for (int i = 1; i < ring.size(); i++) {
                        c0.x = ring.getX(i - 1);
                        c0.y = ring.getY(i - 1);
                        c1.x = ring.getX(i);
                        c1.y = ring.getY(i);
                        if (Math.max(c0.x, c1.x) < Math.min(ax, bx) || Math.min(c0.x, c1.x) > Math.max(ax, bx)
                                || Math.max(c0.y, c1.y) < Math.min(ay, by) || Math.min(c0.y, c1.y) > Math.max(ay, by)) {
                            continue;
                        }
                        intersector.computeIntersection(a, b, c0, c1);
                        for (int k = 0; k < intersector.getIntersectionNum(); k++) {
                            Coordinate at = intersector.getIntersection(k);
                            double f = lengthSquared == 0 ? 0
                                    : ((at.x - ax) * (bx - ax) + (at.y - ay) * (by - ay)) / lengthSquared;
                            best = pick(best, Math.max(0, Math.min(1, f)), first);
                        }
                    }
                }
            }
        }
        return best;
    }

    private static double pick(double best, double candidate, boolean first) {
        if (Double.isNaN(candidate)) {
            return best;
        }
        if (Double.isNaN(best)) {
            return candidate;
        }
        return first ? Math.min(best, candidate) : Math.max(best, candidate);
    }
}
