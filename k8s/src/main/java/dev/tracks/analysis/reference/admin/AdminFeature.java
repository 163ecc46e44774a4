package dev.tracks.analysis.reference.admin;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature of an admin GeoJSON file, checked and converted: what a load writes as a row of admin_areas.
 *
 * @param index the feature's position in the FeatureCollection (0-based)
 * @param geometry a Polygon or MultiPolygon in lon/lat degrees
 */
public record AdminFeature(int index, AdminArea area, Geometry geometry) {
}
