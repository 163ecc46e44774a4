package dev.tracks.analysis.worker.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Where a local run keeps what outlives it: the PostgreSQL data ({@code postgres/}), the logs ({@code logs/}), the
 * bundled sample as a file ({@code sample/}), the admin token ({@code admin-token}) and the database password
 * ({@code postgres-password}).
 */
final class DataDirectory {

    static final String TOKEN_FILE = "admin-token";
    static final String DATABASE_PASSWORD_FILE = "postgres-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** $XDG_DATA_HOME/tracks-analysis, else ~/.local/share/tracks-analysis (the XDG base directory default). */
    static Path defaultRoot(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("tracks-analysis");
    }

    Path root() {
        return root;
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path sample() {
        return root.resolve("sample");
    }

    void create() throws IOException {
        Files.createDirectories(postgres());
        Files.createDirectories(logs());
        Files.createDirectories(sample());
    }

    Path databasePasswordFile() {
        return root.resolve(DATABASE_PASSWORD_FILE);
    }

    /** The token of the first run, or a new one: kept so that the curl examples printed once stay valid. */
    String adminToken() throws IOException {
        return secret(root.resolve(TOKEN_FILE), "delete it to get a new token");
    }

    /**
     * The password of the embedded PostgreSQL's superuser: the first run's, or a new one for a database that does
     * not have one yet (new, or from before passwords). A database that requires a password whose file is lost
     * cannot be opened: that is an error, not a new password.
     */
    String databasePassword() throws IOException {
        Path file = databasePasswordFile();
        Path pgHba = postgres().resolve("pg_hba.conf");
        if (!Files.exists(file) && Files.exists(pgHba)
                && PostgresAccess.passwordRequired(Files.readString(pgHba, StandardCharsets.UTF_8))) {
            throw new IOException("the database in " + postgres() + " requires the password that " + file
                    + " kept, and that file is missing: restore it, or delete " + root + " to start afresh");
        }
        return secret(file, "delete " + root + " to start afresh");
    }

    /**
     * The secret kept in {@code file}, made at the first call. Created owner-only in one step, so that it is never
     * readable by others, not even briefly.
     */
    private String secret(Path file, String ifEmpty) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(root);
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
        }
        String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty; " + ifEmpty);
        }
        // A file others can read (copied in, or its mode changed) is narrowed again.
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return secret;
    }
}
