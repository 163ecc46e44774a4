package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The map's basemap, offline: the areas of the active admin load (reference data, see README "Reference data") that
 * meet a view, clipped to it and simplified to about a pixel, as rings of lon/lat pairs for the browser to draw. No
 * tile server is involved; without an active admin load the answer has no areas and the map draws coordinates only.
 */
@ApplicationScoped
public class AdminBasemap {

    /** Decimal places kept of a coordinate: 1e-5 degrees, about a metre. */
    private static final double ROUNDING = 1e5;

    private final AgroalDataSource dataSource;

    AdminBasemap(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One area: its level (0 country), code, name and rings ([lon, lat, lon, lat, ...] each; outer and holes). */
    public record Area(int level, String code, String name, List<double[]> rings) {
    }

    /** The areas of the view, and the attribution the admin load was given (shown under the map). */
    public record Basemap(String attribution, List<Area> areas) {
    }

    Basemap areas(UserResults.Extent view, double degreesPerPixel) {
        Envelope box = new Envelope(view.west(), view.east(), view.south(), view.north());
        Geometry clip = new GeometryFactory().toGeometry(box);
        try (Connection db = dataSource.getConnection()) {
            OptionalLong load = ReferenceLoads.activeLoadId(db, ReferenceKind.ADMIN);
            if (load.isEmpty()) {
                return new Basemap("", List.of());
            }
            List<Area> areas = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("SELECT level, code, name, geometry FROM admin_areas"
                    + " WHERE load_id = ? AND max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?"
                    + " ORDER BY level DESC, feature_index")) {
                query.setLong(1, load.getAsLong());
                query.setDouble(2, view.south());
                query.setDouble(3, view.north());
                query.setDouble(4, view.west());
                query.setDouble(5, view.east());
                WKBReader wkb = new WKBReader();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Geometry shape = TopologyPreservingSimplifier.simplify(inView(wkb.read(rows.getBytes(4)),
                                clip), degreesPerPixel);
                        List<double[]> rings = rings(shape);
                        if (!rings.isEmpty()) {
                            areas.add(new Area(rows.getInt(1), rows.getString(2), rows.getString(3), rings));
                        }
                    }
                }
            } catch (ParseException e) {
                throw new SQLException("admin_areas of load " + load.getAsLong() + " hold a geometry that is not WKB",
                        e);
            }
            return new Basemap(attribution(db, load.getAsLong()), areas);
        } catch (SQLException e) {
            throw ApiException.database("the admin areas cannot be read from the database", e);
        }
    }

    /** The part of the area inside the view; an invalid polygon that cannot be clipped is drawn whole. */
    private static Geometry inView(Geometry area, Geometry clip) {
        if (clip.getEnvelopeInternal().contains(area.getEnvelopeInternal())) {
            return area;
        }
        try {
            return area.intersection(clip);
        } catch (TopologyException e) {
            return area;
        }
    }

    private static List<double[]> rings(Geometry shape) {
        List<double[]> rings = new ArrayList<>();
        for (int i = 0; i < shape.getNumGeometries(); i++) {
            if (shape.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                rings.add(ring(polygon.getExteriorRing()));
                for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
                    rings.add(ring(polygon.getInteriorRingN(hole)));
                }
            }
        }
        return rings;
    }

    private static double[] ring(LineString line) {
        Coordinate[] points = line.getCoordinates();
        double[] flat = new double[points.length * 2];
        for (int i = 0; i < points.length; i++) {
            flat[2 * i] = Math.round(points[i].x * ROUNDING) / ROUNDING;
            flat[2 * i + 1] = Math.round(points[i].y * ROUNDING) / ROUNDING;
        }
        return flat;
    }

    private static String attribution(Connection db, long load) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT attribution FROM reference_loads WHERE id = ?")) {
            query.setLong(1, load);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "";
            }
        }
    }
}
