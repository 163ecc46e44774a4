package dev.tracks.analysis.worker.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads GeoJSON (RFC 7946) with Jackson's streaming parser, one feature at a time: a FeatureCollection's
 * {@code features} are read in order, a lone Feature is feature 0. Other members are skipped unread.
 *
 * <p>A geometry's positions are {@code [lon, lat]} or {@code [lon, lat, altitude in metres]} (RFC 7946 3.1.1), found
 * at any depth of {@code coordinates}. Properties are matched by {@link FieldNames}: a TIME or TIMES property that is
 * a scalar is the time of a Point; one that is an array (togeojson's {@code coordTimes}, {@code times}, OGC Moving
 * Features' {@code datetimes}, also inside togeojson's {@code coordinateProperties}) gives one time per position,
 * flattened in order for MultiLineStrings. USER, ALTITUDE, ACCURACY, SPEED, HEADING and LABEL properties apply to
 * every position of the feature. How a feature becomes rows is {@link GeoJsonRows}'s part. JSON that is not
 * well-formed ends the read with a failure at the feature being read, its reason naming the line (the features
 * before it were read).
 */
final class GeoJsonReader implements FixReader {

    private static final String NESTED_PROPERTIES = "coordinateProperties";
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    @Override
    public ImportReport read(InputStream in, String userId, ReaderOptions options, FixSink sink) throws IOException {
        ImportGate gate = new ImportGate(LocationUnit.FEATURE, options, sink);
        GeoJsonRows rows = new GeoJsonRows(userId, gate);
        try (JsonParser json = JSON.createParser(in)) {
            try {
                readDocument(json, rows, options.fieldNames());
            } catch (JsonProcessingException e) {
                rows.fail("not well-formed JSON at line " + lineOf(e.getLocation()) + ": " + e.getOriginalMessage());
            }
        }
        return gate.report();
    }

    private static void readDocument(JsonParser json, GeoJsonRows rows, FieldNames names) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            rows.fail("not a GeoJSON object");
            return;
        }
        GeoJsonFeature top = new GeoJsonFeature();
        GeoJsonFeature feature = new GeoJsonFeature();
        boolean sawFeatures = false;
        boolean topIsFeature = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if ("features".equals(name) && value == JsonToken.START_ARRAY) {
                sawFeatures = true;
                readFeatures(json, feature, rows, names);
            } else {
                topIsFeature |= "geometry".equals(name);
                readFeatureMember(json, name, value, top, names);
            }
        }
        if (topIsFeature) {
            rows.at(0);
            rows.emit(top);
        } else if (!sawFeatures) {
            rows.fail("neither a FeatureCollection nor a Feature");
        }
    }

    private static void readFeatures(JsonParser json, GeoJsonFeature feature, GeoJsonRows rows, FieldNames names)
            throws IOException {
        long index = 0;
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            rows.at(index);
            if (token == JsonToken.START_OBJECT) {
                feature.clear();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    readFeatureMember(json, name, json.nextToken(), feature, names);
                }
                rows.emit(feature);
            } else {
                json.skipChildren();
                rows.rejectFeature("feature is not a JSON object");
            }
            index++;
        }
    }

    private static void readFeatureMember(JsonParser json, String name, JsonToken value, GeoJsonFeature feature,
                                          FieldNames names) throws IOException {
        if ("geometry".equals(name) && value == JsonToken.START_OBJECT) {
            readGeometry(json, feature);
        } else if ("properties".equals(name) && value == JsonToken.START_OBJECT) {
            readProperties(json, feature, names);
        } else {
            json.skipChildren();
        }
    }

    private static void readGeometry(JsonParser json, GeoJsonFeature feature) throws IOException {
        feature.hasGeometry = true;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                feature.geometryType = json.getText();
            } else if ("coordinates".equals(name) && value == JsonToken.START_ARRAY) {
                readCoordinates(json, feature);
            } else {
                json.skipChildren();
            }
        }
    }

    /** Reads the array at the current START_ARRAY: a position if its first element is a scalar, else nested arrays. */
    private static void readCoordinates(JsonParser json, GeoJsonFeature feature) throws IOException {
        JsonToken token = json.nextToken();
        if (token != JsonToken.END_ARRAY && token != JsonToken.START_ARRAY && token != JsonToken.START_OBJECT) {
            readPosition(json, token, feature);
            return;
        }
        for (; token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (token == JsonToken.START_ARRAY) {
                readCoordinates(json, feature);
            } else {
                json.skipChildren();
                feature.addPosition(Double.NaN, Double.NaN, Double.NaN);
            }
        }
    }

    private static void readPosition(JsonParser json, JsonToken first, GeoJsonFeature feature) throws IOException {
        double[] values = {Double.NaN, Double.NaN, Double.NaN};
        int index = 0;
        for (JsonToken token = first; token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (index < values.length && token.isNumeric()) {
                values[index] = json.getDoubleValue();
            }
            json.skipChildren();
            index++;
        }
        feature.addPosition(values[0], values[1], values[2]);
    }

    private static void readProperties(JsonParser json, GeoJsonFeature feature, FieldNames names) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            FixField field = names.fieldOf(name);
            if (NESTED_PROPERTIES.equals(name) && value == JsonToken.START_OBJECT) {
                readProperties(json, feature, names);
            } else if ((field == FixField.TIME || field == FixField.TIMES) && value == JsonToken.START_ARRAY) {
                readTimes(json, feature);
            } else if (field != null && value.isScalarValue()) {
                setScalar(feature, field, value == JsonToken.VALUE_NULL ? null : json.getText());
            } else {
                json.skipChildren();
            }
        }
    }

    private static void readTimes(JsonParser json, GeoJsonFeature feature) throws IOException {
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (token == JsonToken.START_ARRAY) {
                readTimes(json, feature);
            } else {
                json.skipChildren();
                feature.addTime(token.isScalarValue() && token != JsonToken.VALUE_NULL ? json.getText() : null);
            }
        }
    }

    private static void setScalar(GeoJsonFeature feature, FixField field, String text) {
        switch (field) {
            case TIME, TIMES -> feature.time = text;
            case USER -> feature.user = text;
            case ALTITUDE -> feature.altitude = text;
            case ACCURACY -> feature.accuracy = text;
            case SPEED -> feature.speed = text;
            case HEADING -> feature.heading = text;
            case LABEL -> feature.label = text;
            default -> {
                // lat/lon properties: a GeoJSON position comes from the geometry only
            }
        }
    }

    private static long lineOf(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }
}
