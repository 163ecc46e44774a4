package dev.tracks.analysis.worker.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A file uploaded through the admin API (table import_sources), read chunk by chunk as one stream: never held whole
 * in memory. Its source parameter is {@code upload:<id>}.
 */
final class UploadedSource {

    static final String PREFIX = "upload:";

    /** What the upload says about itself. */
    record Upload(long id, String fileName, ImportFormat format, String userId) {
    }

    private UploadedSource() {
    }

    static boolean isUpload(String source) {
        return source.startsWith(PREFIX);
    }

    static Upload find(Connection db, String source) throws SQLException, IOException {
        long id;
        try {
            id = Long.parseLong(source.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IOException("not an upload id: " + source);
        }
        try (PreparedStatement query = db.prepareStatement(
                "SELECT file_name, format, user_id FROM import_sources WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IOException("no uploaded file " + source + " (deleted, or never completed)");
                }
                return new Upload(id, row.getString(1), ImportFormat.valueOf(row.getString(2)), row.getString(3));
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
