package dev.tracks.analysis.worker.reference.places;

import dev.tracks.analysis.worker.reference.LoadOutcome;
import dev.tracks.analysis.worker.reference.ReferenceKind;
import dev.tracks.analysis.worker.reference.ReferenceLoads;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Loads a CSV or JSON gazetteer into places as a new active places load (see {@link ReferenceLoads}). */
public final class PlaceLoad {

    private static final int BATCH = 2_000;

    private PlaceLoad() {
    }

    public static LoadOutcome load(Connection db, Path file, PlaceFields fields, String attribution)
            throws SQLException, IOException {
        return ReferenceLoads.load(db, ReferenceKind.PLACES, file, fields.asMap(), attribution,
                (connection, loadId) -> write(connection, loadId, file, fields));
    }

    private static int write(Connection db, long loadId, Path file, PlaceFields fields)
            throws SQLException, IOException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO places (load_id, row_index, name, lat, lon,"
                + " country, admin1, admin2, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            PlaceSink sink = (index, place) -> {
                insert.setLong(1, loadId);
                insert.setInt(2, index);
                insert.setString(3, place.name());
                insert.setDouble(4, place.lat());
                insert.setDouble(5, place.lon());
                insert.setString(6, place.country());
                insert.setString(7, place.admin1());
                insert.setString(8, place.admin2());
                if (place.population() == null) {
                    insert.setNull(9, Types.BIGINT);
                } else {
                    insert.setLong(9, place.population());
                }
                insert.addBatch();
                if ((index + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            };
            int rows;
            if (fields.format() == PlaceFormat.CSV) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    rows = new PlaceCsv(fields).read(in, sink);
                }
            } else {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    rows = new PlaceJson(fields).read(in, sink);
                }
            }
            insert.executeBatch();
            return rows;
        }
    }
}
