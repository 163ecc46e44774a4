package dev.tracks.analysis.api.upload;

import dev.tracks.analysis.api.problem.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams the files of an upload request into import_sources and their 1 MiB chunks in one transaction, so a
 * data_import pod can read them from PostgreSQL (the API service and the worker share no filesystem).
 */
@ApplicationScoped
public class UploadStore {

    static final int CHUNK_BYTES = 1 << 20;

    private final AgroalDataSource dataSource;

    UploadStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One file of an upload request.
     *
     * @param format GPX, PLT, CSV, GEOJSON or ZIP
     */
    public record Incoming(Path file, String fileName, String format) {
    }

    /** Stores the files in one transaction (all or none); returns their import_sources ids in the same order. */
    public List<Long> store(List<Incoming> files, String userId, String createdBy) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                for (Incoming file : files) {
                    ids.add(store(db, file, userId, createdBy));
                }
                db.commit();
                return ids;
            } catch (SQLException | IOException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw ApiException.unavailable("the upload could not be stored; nothing was created", e);
        }
    }

    private static long store(Connection db, Incoming file, String userId, String createdBy)
            throws SQLException, IOException {
        long id = insertSource(db, file.fileName(), file.format(), userId, createdBy);
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file.file()), sha256);
             PreparedStatement chunk = db.prepareStatement(
                     "INSERT INTO import_source_chunks (source_id, seq, data) VALUES (?, ?, ?)")) {
            byte[] buffer;
            int seq = 0;
            while ((buffer = in.readNBytes(CHUNK_BYTES)).length > 0) {
                chunk.setLong(1, id);
                chunk.setInt(2, seq++);
                chunk.setBytes(3, buffer);
                chunk.executeUpdate();
                size += buffer.length;
            }
        }
        try (PreparedStatement finish = db.prepareStatement(
                "UPDATE import_sources SET size_bytes = ?, sha256 = ? WHERE id = ?")) {
            finish.setLong(1, size);
            finish.setString(2, HexFormat.of().formatHex(sha256.digest()));
            finish.setLong(3, id);
            finish.executeUpdate();
        }
        return id;
    }

    /** Removes the uploads of a request whose task could not be created. */
    public void delete(List<Long> ids) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement("DELETE FROM import_sources WHERE id = ANY (?)")) {
            delete.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw ApiException.database("the database cannot be reached", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static long insertSource(Connection db, String fileName, String format, String userId,
                                     String createdBy) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_sources (file_name, format, user_id,"
                + " size_bytes, sha256, created_by) VALUES (?, ?, ?, 0, '', ?) RETURNING id")) {
            insert.setString(1, fileName);
            insert.setString(2, format);
            insert.setString(3, userId);
            insert.setString(4, createdBy);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
