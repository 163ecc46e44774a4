package dev.tracks.analysis.reference.admin;

import dev.tracks.analysis.reference.CopyRows;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoads;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/** Loads an admin GeoJSON file into admin_areas as a new active admin load (see {@link ReferenceLoads}). */
public final class AdminAreaLoad {

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
             CopyRows copy = new CopyRows(db, "admin_areas", "load_id, feature_index, level, code, country, name,"
                     + " geometry, min_lat, min_lon, max_lat, max_lon")) {
            return new AdminGeoJson(options).read(in, feature -> {
                Envelope box = feature.geometry().getEnvelopeInternal();
                copy.number(loadId).number(feature.index()).number(feature.area().level()).text(feature.area().code())
                        .text(feature.area().country()).text(feature.area().name())
                        .bytes(wkb.write(feature.geometry())).number(box.getMinY()).number(box.getMinX())
                        .number(box.getMaxY()).number(box.getMaxX()).endRow();
            });
        }
    }
}
