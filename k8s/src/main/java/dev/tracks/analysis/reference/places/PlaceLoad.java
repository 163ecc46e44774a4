package dev.tracks.analysis.reference.places;

import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.CopyRows;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Loads a CSV or JSON gazetteer into places as a new active places load (see {@link ReferenceLoads}). */
public final class PlaceLoad {

    private PlaceLoad() {
    }

    public static LoadOutcome load(Connection db, Path file, PlaceFields fields, String attribution)
            throws SQLException, IOException {
        return ReferenceLoads.load(db, ReferenceKind.PLACES, file, fields.asMap(), attribution,
                (connection, loadId) -> write(connection, loadId, file, fields));
    }

    private static int write(Connection db, long loadId, Path file, PlaceFields fields)
            throws SQLException, IOException {
        try (CopyRows copy = new CopyRows(db, "places",
                "load_id, row_index, name, lat, lon, country, admin1, admin2, population")) {
            PlaceSink sink = (index, place) -> {
                copy.number(loadId).number(index).text(place.name()).number(place.lat()).number(place.lon())
                        .text(place.country()).text(place.admin1()).text(place.admin2());
                if (place.population() == null) {
                    copy.nothing();
                } else {
                    copy.number(place.population());
                }
                copy.endRow();
            };
            int rows;
            if (fields.format() == PlaceFormat.CSV) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    rows = new PlaceCsv(fields).read(in, sink);
                } catch (CharacterCodingException e) {
                    throw new BadReferenceFile("file", "is not UTF-8 text");
                }
            } else {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    rows = new PlaceJson(fields).read(in, sink);
                }
            }
            return rows;
        }
    }
}
