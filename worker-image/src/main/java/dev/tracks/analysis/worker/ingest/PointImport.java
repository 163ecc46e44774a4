package dev.tracks.analysis.worker.ingest;

import dev.tracks.analysis.worker.progress.ProgressTracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * data_import into PostgreSQL: each file in one transaction. Its rows are streamed with COPY into a temporary
 * staging table; when the file passes the rejected-share rule they move into track_points, without the fixes already
 * stored (same user, time and position), else the transaction is rolled back and nothing of the file remains.
 * A re-run of the same import therefore adds nothing.
 */
public final class PointImport {

    /** Rows buffered before each COPY: bounded memory whatever the file's size. */
    private static final int COPY_ROWS = 10_000;

    /** What became of one file. */
    public record FileOutcome(String file, ImportReport report, long inserted, boolean imported) {
    }

    private final Connection db;
    private final ReaderOptions options;
    private final ProgressTracker progress;

    public PointImport(Connection db, ReaderOptions options, ProgressTracker progress) {
        this.db = db;
        this.options = options;
        this.progress = progress;
    }

    /** Imports every file of the source; a file that cannot be read is a failed outcome, not an exception. */
    public List<FileOutcome> run(DataImportParams params) throws SQLException, IOException {
        createStaging();
        List<FileOutcome> outcomes = new ArrayList<>();
        if (UploadedSource.isUpload(params.source())) {
            UploadedSource.Upload upload = UploadedSource.find(db, params.source());
            String user = params.userId() != null ? params.userId() : upload.userId();
            progress.start(0);
            try (InputStream in = UploadedSource.open(db, upload.id())) {
                outcomes.add(importFile(upload.fileName(), upload.format(), sink -> FixReaders
                        .forFormat(upload.format()).read(in, user, options, sink), params.maxRejectedShare()));
            }
            return outcomes;
        }
        if (isUrl(params.source())) {
            URI uri = URI.create(params.source());
            ImportFormat format = params.format() != ImportFormat.AUTO ? params.format()
                    : ImportFormat.ofFileName(uri.getPath()).orElseThrow(() -> new IOException(
                    "params.format: cannot tell the format of " + uri + " from its name; set GPX, PLT, CSV or GEOJSON"));
            progress.start(0);
            try (InputStream in = uri.toURL().openStream()) {
                outcomes.add(importFile(uri.toString(), format, sink -> FixReaders.forFormat(format)
                        .read(in, params.userId(), options, sink), params.maxRejectedShare()));
            }
            return outcomes;
        }
        List<SourceFile> files = SourceWalker.expand(Path.of(params.source()), params.format(), params.userId());
        progress.start(estimateRows(files));
        for (SourceFile file : files) {
            outcomes.add(importFile(file.path().toString(), file.format(),
                    sink -> FixReaders.read(file, options, sink), params.maxRejectedShare()));
        }
        return outcomes;
    }

    @FunctionalInterface
    private interface Reading {
        ImportReport into(FixSink sink) throws IOException;
    }

    private FileOutcome importFile(String name, ImportFormat format, Reading reading, double maxRejectedShare)
            throws SQLException, IOException {
        String source = "import:" + format.name().toLowerCase(Locale.ROOT);
        StagingSink sink = new StagingSink(source);
        ImportReport report = reading.into(sink);
        sink.flush();
        progress.advance(report.rows(), report.rejected());
        if (!report.shouldImport(maxRejectedShare)) {
            db.rollback();
            return new FileOutcome(name, report, 0, false);
        }
        long inserted;
        try (Statement move = db.createStatement()) {
            inserted = move.executeUpdate("INSERT INTO track_points (user_id, recorded_at, lat, lon, altitude_m,"
                    + " speed_mps, accuracy_m, heading_deg, label_mode, source)"
                    + " SELECT DISTINCT ON (s.user_id, s.recorded_at, s.lat, s.lon) s.user_id, s.recorded_at, s.lat,"
                    + " s.lon, s.altitude_m, s.speed_mps, s.accuracy_m, s.heading_deg, s.label_mode, s.source"
                    + " FROM import_staging s WHERE NOT EXISTS (SELECT 1 FROM track_points p WHERE"
                    + " p.user_id = s.user_id AND p.recorded_at = s.recorded_at AND p.lat = s.lat AND p.lon = s.lon)"
                    + " ORDER BY s.user_id, s.recorded_at, s.lat, s.lon");
        }
        db.commit();
        return new FileOutcome(name, report, inserted, true);
    }

    private void createStaging() throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TEMPORARY TABLE IF NOT EXISTS import_staging (user_id text, recorded_at timestamptz,"
                    + " lat double precision, lon double precision, altitude_m double precision,"
                    + " speed_mps double precision, accuracy_m double precision, heading_deg double precision,"
                    + " label_mode text, source text) ON COMMIT DELETE ROWS");
        }
        db.commit();
    }

    /** Lines (PLT, CSV) or point elements (GPX) of local files: the total for progress, before reading. */
    private static long estimateRows(List<SourceFile> files) throws IOException {
        long rows = 0;
        for (SourceFile file : files) {
            byte[] marker = file.format() == ImportFormat.GPX ? "pt ".getBytes() : "\n".getBytes();
            rows += occurrences(file.path(), marker);
        }
        return rows;
    }

    private static long occurrences(Path file, byte[] marker) throws IOException {
        long count = 0;
        int matched = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    matched = buffer[i] == marker[matched] ? matched + 1 : (buffer[i] == marker[0] ? 1 : 0);
                    if (matched == marker.length) {
                        count++;
                        matched = 0;
                    }
                }
            }
        }
        return count;
    }

    private static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    /** Accepted fixes as COPY rows into the staging table, sent every {@link #COPY_ROWS} rows. */
    private final class StagingSink implements FixSink {
        private final String source;
        private final StringBuilder rows = new StringBuilder(1 << 20);
        private int buffered;

        StagingSink(String source) {
            this.source = source;
        }

        @Override
        public void accept(ImportedFix fix) throws IOException {
            rows.append(escape(fix.userId())).append('\t').append(Instant.ofEpochMilli(fix.epochMillis()))
                    .append('\t').append(fix.lat()).append('\t').append(fix.lon()).append('\t')
                    .append(number(fix.altitudeMeters())).append('\t').append(number(fix.speedMetersPerSecond()))
                    .append('\t').append(number(fix.accuracyMeters())).append('\t').append(number(fix.headingDegrees()))
                    .append('\t').append(fix.label() == null ? "\\N" : escape(fix.label())).append('\t')
                    .append(source).append('\n');
            if (++buffered == COPY_ROWS) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw new IOException("COPY into the import staging table failed: " + e.getMessage(), e);
                }
            }
        }

        void flush() throws SQLException {
            if (buffered == 0) {
                return;
            }
            try {
                db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY import_staging FROM STDIN",
                        new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), e);
            }
            rows.setLength(0);
            buffered = 0;
        }

        private String number(double value) {
            return Double.isNaN(value) ? "\\N" : Double.toString(value);
        }

        private String escape(String text) {
            return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }
}
