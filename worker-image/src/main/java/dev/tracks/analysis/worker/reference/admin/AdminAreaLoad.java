package dev.tracks.analysis.worker.reference.admin;

import dev.tracks.analysis.worker.reference.LoadOutcome;
import dev.tracks.analysis.worker.reference.ReferenceKind;
import dev.tracks.analysis.worker.reference.ReferenceLoads;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/** Loads an admin GeoJSON file into admin_areas as a new active admin load (see {@link ReferenceLoads}). */
public final class AdminAreaLoad {

    private static final int BATCH = 200;

    private AdminAreaLoad() {
    }

    public static LoadOutcome load(Connection db, Path file, AdminOptions options, String attribution)
            throws SQLException, IOException {
        return ReferenceLoads.load(db, ReferenceKind.ADMIN, file, options.asMap(), attribution,
                (connection, loadId) -> write(connection, loadId, file, options));
    }

    private static int write(Connection db, long loadId, Path file, AdminOptions options)
            throws SQLException, IOException {
        WKBWriter wkb = new WKBWriter();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             PreparedStatement insert = db.prepareStatement("INSERT INTO admin_areas (load_id, feature_index, level,"
                     + " code, country, name, geometry, min_lat, min_lon, max_lat, max_lon)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = new AdminGeoJson(options).read(in, feature -> {
                Envelope box = feature.geometry().getEnvelopeInternal();
                insert.setLong(1, loadId);
                insert.setInt(2, feature.index());
                insert.setInt(3, feature.area().level());
                insert.setString(4, feature.area().code());
                insert.setString(5, feature.area().country());
                insert.setString(6, feature.area().name());
                insert.setBytes(7, wkb.write(feature.geometry()));
                insert.setDouble(8, box.getMinY());
                insert.setDouble(9, box.getMinX());
                insert.setDouble(10, box.getMaxY());
                insert.setDouble(11, box.getMaxX());
                insert.addBatch();
                if ((feature.index() + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            });
            insert.executeBatch();
            return rows;
        }
    }
}
