package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Turns one collected GeoJSON feature into rows, one per position, located by feature index and position.
 *
 * <p>Supported geometries: Point (its time is the scalar time property, or a times array of length one),
 * MultiPoint, LineString and MultiLineString (a times array with exactly one time per position; a different count
 * rejects every position of the feature, since pairing times with positions would be a guess). A feature without a
 * geometry or with another geometry type is one rejected row. Altitude is the third coordinate, else the altitude
 * property.
 */
final class GeoJsonRows {

    private static final List<String> SUPPORTED = List.of("Point", "MultiPoint", "LineString", "MultiLineString");

    private final String userId;
    private final ImportGate gate;
    private long featureIndex;

    GeoJsonRows(String userId, ImportGate gate) {
        this.userId = userId;
        this.gate = gate;
    }

    /** Sets the index of the feature being read, the location of what follows. */
    void at(long index) {
        featureIndex = index;
    }

    void fail(String reason) {
        gate.fail(featureIndex, reason);
    }

    void rejectFeature(String reason) {
        gate.reject(featureIndex, 0, reason);
    }

    void emit(GeoJsonFeature feature) throws IOException {
        if (!feature.hasGeometry) {
            rejectFeature("feature has no geometry");
        } else if (!SUPPORTED.contains(feature.geometryType)) {
            rejectFeature("geometry type " + feature.geometryType + " is not supported " + SUPPORTED);
        } else if (feature.positions() == 0) {
            rejectFeature("geometry has no positions");
        } else if (feature.positions() == 1 && "Point".equals(feature.geometryType)) {
            String time = feature.time != null || feature.timeCount() != 1 ? feature.time : feature.time(0);
            emitPosition(feature, 0, time);
        } else if (feature.timeCount() != feature.positions()) {
            String reason = "geometry has " + feature.positions() + " positions but " + feature.timeCount()
                    + " times";
            for (int i = 0; i < feature.positions(); i++) {
                gate.reject(featureIndex, i, reason);
            }
        } else {
            for (int i = 0; i < feature.positions(); i++) {
                emitPosition(feature, i, feature.time(i));
            }
        }
    }

    private void emitPosition(GeoJsonFeature feature, int position, String time) throws IOException {
        ImportedFix fix;
        try {
            fix = fix(feature, position, time);
        } catch (RowRejected e) {
            gate.reject(featureIndex, position, e.getMessage());
            return;
        }
        gate.offer(featureIndex, position, fix);
    }

    private ImportedFix fix(GeoJsonFeature feature, int position, String time) {
        if (Double.isNaN(feature.lon(position)) || Double.isNaN(feature.lat(position))) {
            throw new RowRejected("position needs numbers for lon and lat");
        }
        long epochMillis = FixTimes.parse(time, gate.options().zone());
        double altitude = Double.isNaN(feature.altitude(position))
                ? FieldValues.optional(feature.altitude, "altitude") : feature.altitude(position);
        String user = userId != null ? userId : FieldValues.optionalText(feature.user);
        return new ImportedFix(user, epochMillis, feature.lat(position), feature.lon(position), altitude,
                FieldValues.optional(feature.accuracy, "accuracy"), FieldValues.optional(feature.speed, "speed"),
                FieldValues.optional(feature.heading, "heading"), FieldValues.optionalText(feature.label));
    }
}
