package dev.tracks.analysis.worker.reference.admin;

import dev.tracks.analysis.reference.admin.AdminArea;
import dev.tracks.analysis.reference.admin.AdminGeoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The areas of one admin load in memory, for point-in-polygon lookups: an STRtree of bounding boxes narrows the
 * candidates, an {@link IndexedPointInAreaLocator} per area (built at its first lookup) answers in logarithmic time
 * in the number of its edges. Read it by the load id a task resolved at its start (see {@code ReferenceData}), so that
 * a load that becomes active meanwhile does not change the answers mid-task. Safe for concurrent lookups.
 */
public final class AdminAreas {

    private static final Comparator<AdminArea> BY_LEVEL = Comparator.comparingInt(AdminArea::level)
            .thenComparing(AdminArea::code);

    private final long loadId;
    private final STRtree index = new STRtree();
    private final int size;
    private final SortedSet<Integer> levels;
    private final Map<AdminArea, List<Geometry>> geometries = new HashMap<>();

    private AdminAreas(long loadId, List<Located> areas) {
        this.loadId = loadId;
        for (Located area : areas) {
            index.insert(area.geometry().getEnvelopeInternal(), area);
            geometries.computeIfAbsent(area.area(), key -> new ArrayList<>(1)).add(area.geometry());
        }
        index.build();
        this.size = areas.size();
        this.levels = Collections.unmodifiableSortedSet(areas.stream().map(area -> area.area().level())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The areas of load {@code loadId} (none when the load does not exist). */
    public static AdminAreas read(Connection db, long loadId) throws SQLException {
        WKBReader wkb = new WKBReader(AdminGeoJson.WGS84);
        List<Located> areas = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT level, code, country, name, geometry"
                + " FROM admin_areas WHERE load_id = ? ORDER BY feature_index")) {
            query.setFetchSize(500);
            query.setLong(1, loadId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Geometry geometry = wkb.read(rows.getBytes(5));
                    areas.add(new Located(new AdminArea(rows.getInt(1), rows.getString(2), rows.getString(3),
                            rows.getString(4)), geometry, new IndexedPointInAreaLocator(geometry)));
                }
            }
        } catch (ParseException e) {
            throw new SQLException("admin_areas of load " + loadId + " hold a geometry that is not WKB", e);
        }
        return new AdminAreas(loadId, areas);
    }

    /**
     * The areas containing the point, lowest level first (then by code). A point on the border of two areas is in
     * both (so a lookup never falls between adjacent areas); a point in a hole is in neither.
     */
    public List<AdminArea> containing(double lat, double lon) {
        Coordinate point = new Coordinate(lon, lat);
        List<AdminArea> found = new ArrayList<>(2);
        index.query(new Envelope(point), item -> {
            Located area = (Located) item;
            if (area.locator().locate(point) != Location.EXTERIOR) {
                found.add(area.area());
            }
        });
        found.sort(BY_LEVEL);
        return found;
    }

    /**
     * The geometries of an area as loaded (several when the file had several features with the same level, code,
     * country and name); none for an area this load does not have. Read-only: lookups share them.
     */
    public List<Geometry> geometriesOf(AdminArea area) {
        return geometries.getOrDefault(area, List.of());
    }

    /** The load these areas came from. */
    public long loadId() {
        return loadId;
    }

    /** The levels the areas have, ascending. */
    public SortedSet<Integer> levels() {
        return levels;
    }

    public int size() {
        return size;
    }

    private record Located(AdminArea area, Geometry geometry, PointOnGeometryLocator locator) {
    }
}
