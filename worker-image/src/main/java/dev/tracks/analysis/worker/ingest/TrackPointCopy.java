package dev.tracks.analysis.worker.ingest;

import dev.tracks.analysis.worker.store.BinaryCopyFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Imported fixes straight into track_points with one binary COPY: PostgreSQL neither parses numbers nor times, and
 * Java formats none (the text format cost more on both sides).
 */
final class TrackPointCopy {

    private static final String COPY = "COPY track_points (user_id, recorded_at, lat, lon, altitude_m, speed_mps,"
            + " accuracy_m, heading_deg, label_mode, source) FROM STDIN (FORMAT binary)";
    private static final int COLUMNS = 10;

    private final BinaryCopyFormat rows = new BinaryCopyFormat();

    /** Writes the fixes; {@code sources} holds the source column of each (e.g. import:csv). */
    void write(Connection db, List<ImportedFix> fixes, List<String> sources) throws SQLException {
        rows.reset();
        for (int i = 0; i < fixes.size(); i++) {
            ImportedFix fix = fixes.get(i);
            rows.row(COLUMNS).text(fix.userId()).timestamp(fix.epochMillis()).float8(fix.lat()).float8(fix.lon())
                    .float8(fix.altitudeMeters()).float8(fix.speedMetersPerSecond()).float8(fix.accuracyMeters())
                    .float8(fix.headingDegrees()).text(fix.label()).text(sources.get(i));
        }
        try {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(rows.finish()));
        } catch (IOException e) {
            throw new SQLException("COPY into track_points failed: " + e.getMessage(), e);
        }
    }
}
