package dev.tracks.analysis.worker.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Files uploaded through the admin API (table import_sources), each read chunk by chunk as one stream: never held
 * whole in memory. Its source parameter is {@code upload:<id>}, or {@code upload:<id>,<id>,...} for the files of one
 * upload request, imported in that order. An uploaded zip archive (format ZIP) is read entry by entry.
 */
final class UploadedSource implements ImportSource {

    static final String PREFIX = "upload:";
    private static final String ARCHIVE = "ZIP";

    /** What an upload says about itself; format is GPX, PLT, CSV, GEOJSON or ZIP. */
    record Upload(long id, String fileName, String format, String userId) {
    }

    private final Connection db;
    private final List<Upload> uploads;
    private final ImportFormat format;
    private final String userId;

    private UploadedSource(Connection db, List<Upload> uploads, ImportFormat format, String userId) {
        this.db = db;
        this.uploads = uploads;
        this.format = format;
        this.userId = userId;
    }

    static boolean isUpload(String source) {
        return source.startsWith(PREFIX);
    }

    /** The uploads the source names; every one must exist. */
    static UploadedSource find(Connection db, DataImportParams params) throws SQLException, IOException {
        List<Upload> uploads = new ArrayList<>();
        for (String part : params.source().substring(PREFIX.length()).split(",", -1)) {
            long id;
            try {
                id = Long.parseLong(part.trim());
            } catch (NumberFormatException e) {
                throw new IOException("not an upload id: '" + part + "' in " + params.source()
                        + " (expected upload:<id>[,<id>...])");
            }
            uploads.add(find(db, id));
        }
        return new UploadedSource(db, uploads, params.format(), params.userId());
    }

    private static Upload find(Connection db, long id) throws SQLException, IOException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT file_name, format, user_id FROM import_sources WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IOException("no uploaded file upload:" + id + " (deleted, or never completed)");
                }
                return new Upload(id, row.getString(1), row.getString(2), row.getString(3));
            }
        }
    }

    @Override
    public long estimatedRows() {
        return 0;
    }

    @Override
    public void forEachFile(FileReading reading) throws IOException, SQLException {
        for (Upload upload : uploads) {
            boolean archive = ARCHIVE.equals(upload.format());
            // An archive's entries are filtered by the task's format; a file has its stored format unless one is set.
            ImportFormat fileFormat = format != ImportFormat.AUTO || archive ? format
                    : ImportFormat.valueOf(upload.format());
            String name = archive && !ImportFile.isZip(upload.fileName()) ? upload.fileName() + ".zip"
                    : upload.fileName();
            try (InputStream in = open(db, upload.id())) {
                ImportSource.readContainer(name, fileFormat, userId != null ? userId : upload.userId(), in,
                        reading);
            }
        }
    }

    /** The upload's bytes, fetched one chunk at a time on {@code db}. */
    static InputStream open(Connection db, long id) {
        return new InputStream() {
            private InputStream chunk = InputStream.nullInputStream();
            private int nextSeq;
            private boolean done;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                while (!done) {
                    int read = chunk.read(buffer, offset, length);
                    if (read > 0) {
                        return read;
                    }
                    chunk = nextChunk().map(bytes -> (InputStream) new ByteArrayInputStream(bytes)).orElse(null);
                    if (chunk == null) {
                        done = true;
                    }
                }
                return -1;
            }

            private Optional<byte[]> nextChunk() throws IOException {
                try (PreparedStatement query = db.prepareStatement(
                        "SELECT data FROM import_source_chunks WHERE source_id = ? AND seq = ?")) {
                    query.setLong(1, id);
                    query.setInt(2, nextSeq++);
                    try (ResultSet row = query.executeQuery()) {
                        return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
                    }
                } catch (SQLException e) {
                    throw new IOException("reading upload " + id + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
