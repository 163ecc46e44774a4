package dev.tracks.analysis.worker.ingest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Imported fixes straight into track_points with one binary COPY: PostgreSQL neither parses numbers nor times, and
 * Java formats none (the text format cost more on both sides).
 */
final class TrackPointCopy {

    private static final String COPY = "COPY track_points (user_id, recorded_at, lat, lon, altitude_m, speed_mps,"
            + " accuracy_m, heading_deg, label_mode, source) FROM STDIN (FORMAT binary)";
    private static final short COLUMNS = 10;
    /** PGCOPY signature, flags and header extension length (PostgreSQL docs, COPY, binary format). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** Writes the fixes; {@code sources} holds the source column of each (e.g. import:csv). */
    void write(Connection db, List<ImportedFix> fixes, List<String> sources) throws SQLException {
        bytes.reset();
        try {
            out.write(HEADER);
            for (int i = 0; i < fixes.size(); i++) {
                row(fixes.get(i), sources.get(i));
            }
            out.writeShort(-1);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void row(ImportedFix fix, String source) throws IOException {
        out.writeShort(COLUMNS);
        text(fix.userId());
        out.writeInt(8);
        out.writeLong(fix.epochMillis() * 1000 - POSTGRES_EPOCH_MICROS);
        number(fix.lat());
        number(fix.lon());
        number(fix.altitudeMeters());
        number(fix.speedMetersPerSecond());
        number(fix.accuracyMeters());
        number(fix.headingDegrees());
        text(fix.label());
        text(source);
    }

    /** A float8, NULL for NaN (unknown). */
    private void number(double value) throws IOException {
        if (Double.isNaN(value)) {
            out.writeInt(-1);
        } else {
            out.writeInt(8);
            out.writeDouble(value);
        }
    }

    private void text(String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
