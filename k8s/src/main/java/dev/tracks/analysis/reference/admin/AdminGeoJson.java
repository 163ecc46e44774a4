package dev.tracks.analysis.reference.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.ReferenceOption;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads admin areas from a GeoJSON FeatureCollection, one feature at a time (a world file is tens of MB; only one
 * feature is held as a tree). jts-io's GeoJsonReader is not used because it drops feature properties. Every feature
 * is checked: a Polygon or MultiPolygon, closed rings of at least four positions, longitudes in [-180, 180] and
 * latitudes in [-90, 90], a code present (a name may be empty, but not in every feature). The first bad feature stops the read with a {@link BadReferenceFile}
 * naming it.
 */
public final class AdminGeoJson {

    /** Geometries in WGS 84 lon/lat, as read from the file and as readers rebuild them from the stored WKB. */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLLECTION = "FeatureCollection";

    private final AdminOptions options;
    /** Whether any feature had a name: none at all means the name property is the wrong one. */
    private boolean named;

    public AdminGeoJson(AdminOptions options) {
        this.options = options;
    }

    /** Where the features go, one by one (a load writes each into its batch). */
    @FunctionalInterface
    public interface FeatureSink {
        void accept(AdminFeature feature) throws SQLException;
    }

    /** Hands every feature of {@code in} to {@code sink} in file order; returns how many. */
    public int read(InputStream in, FeatureSink sink) throws IOException, SQLException {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadReferenceFile("file", "not a GeoJSON FeatureCollection: the top level must be an object"
                        + " with \"type\": \"FeatureCollection\" and \"features\": [...]");
            }
            String type = null;
            int count = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("type")) {
                    type = parser.getValueAsString();
                    requireCollection(type);
                } else if (field.equals("features")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new BadReferenceFile("file", "\"features\" must be an array of Feature objects");
                    }
                    count = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        sink.accept(feature(count, parser.readValueAsTree()));
                        count++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            requireCollection(type);
            if (count < 0) {
                throw new BadReferenceFile("file", "a FeatureCollection needs a \"features\" array");
            }
            if (count > 0 && !named) {
                throw new BadReferenceFile("file", "no feature has a value in property \"" + options.nameProperty()
                        + "\"; choose the property with the area names with --name-property");
            }
            return count;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadReferenceFile(at == null ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireCollection(String type) {
        if (!COLLECTION.equals(type)) {
            throw new BadReferenceFile("file", "not a GeoJSON FeatureCollection: \"type\" must be \"" + COLLECTION
                    + "\", got " + (type == null ? "none" : "\"" + type + "\""));
        }
    }

    private AdminFeature feature(int index, JsonNode feature) {
        String where = "feature " + index;
        if (!feature.path("type").asText().equals("Feature")) {
            throw new BadReferenceFile(where, "\"type\" must be \"Feature\"");
        }
        JsonNode properties = feature.path("properties");
        String code = required(where, properties, options.codeProperty(), ReferenceOption.CODE_PROPERTY);
        // Natural Earth admin-1 has six unnamed areas (small islands): a name may be empty, a code may not.
        String name = text(properties.get(options.nameProperty()));
        named |= !name.isEmpty();
        String country = options.countryProperties().stream().map(property -> text(properties.get(property)))
                .filter(value -> !value.isEmpty() && !value.equals("-99")).findFirst().orElse("");
        int level = options.levelProperty() == null ? options.level() : level(where, properties);
        Geometry geometry = geometry(where, feature.path("geometry"));
        return new AdminFeature(index, new AdminArea(level, code, country, name), geometry);
    }

    private static String required(String where, JsonNode properties, String property, ReferenceOption option) {
        String value = text(properties.get(property));
        if (value.isEmpty()) {
            throw new BadReferenceFile(where, "property \"" + property + "\" is missing or empty; every feature needs"
                    + " it (or choose another property with " + option.names() + ")");
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText().trim();
    }

    private int level(String where, JsonNode properties) {
        JsonNode value = properties.get(options.levelProperty());
        if (value == null || !(value.canConvertToInt() && value.isIntegralNumber()
                || value.isTextual() && value.asText().matches("\\d{1,2}")) || value.asInt() > 10) {
            throw new BadReferenceFile(where, "property \"" + options.levelProperty() + "\" must be an integer"
                    + " level from 0 to 10, got " + value);
        }
        return value.asInt();
    }

    private static Geometry geometry(String where, JsonNode geometry) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        if (type.equals("Polygon")) {
            return polygon(where, coordinates);
        }
        if (type.equals("MultiPolygon") && coordinates.isArray() && !coordinates.isEmpty()) {
            Polygon[] polygons = new Polygon[coordinates.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = polygon(where + ", polygon " + i, coordinates.get(i));
            }
            return WGS84.createMultiPolygon(polygons);
        }
        throw new BadReferenceFile(where, "geometry must be a Polygon or a non-empty MultiPolygon, got "
                + (type.isEmpty() ? "none" : type));
    }

    private static Polygon polygon(String where, JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new BadReferenceFile(where, "a polygon must be an array of rings (an outer ring, then holes)");
        }
        LinearRing shell = ring(where + ", ring 0", rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(where + ", ring " + (i + 1), rings.get(i + 1));
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(String where, JsonNode positions) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new BadReferenceFile(where, "a ring needs at least 4 positions (the last repeating the first)");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(where + ", position " + i, positions.get(i));
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new BadReferenceFile(where, "ring is not closed: its last position " + coordinates[coordinates.length
                    - 1] + " must repeat its first " + coordinates[0]);
        }
        return WGS84.createLinearRing(coordinates);
    }

    private static Coordinate position(String where, JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new BadReferenceFile(where, "a position must be [longitude, latitude] in numbers, got " + position);
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new BadReferenceFile(where, "invalid coordinates [" + lon + ", " + lat + "]: longitude must be in"
                    + " [-180, 180] and latitude in [-90, 90] (GeoJSON order is [longitude, latitude])");
        }
        return new Coordinate(lon, lat);
    }
}
