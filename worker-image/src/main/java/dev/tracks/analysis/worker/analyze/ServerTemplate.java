package dev.tracks.analysis.worker.analyze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A data directory of analyze's embedded PostgreSQL made ready once (initdb, every migration, the schema changes of
 * {@link LocalDatabase}) and copied for each run: initdb and the migrations took about two seconds of every start,
 * more than a run of a million fixes spends on anything else but parsing. The template lives in the temporary
 * directory under a name that hashes what made it (the server binaries, the migration files, {@link #REVISION}), so a
 * changed schema or server makes a new one. Several processes may make it at once: each in its own directory, and the
 * first to rename it into place wins.
 */
final class ServerTemplate {

    /** Raise when the template is made differently for the same binaries and migrations. */
    private static final String REVISION = "2";
    private static final String MIGRATIONS = "db/migration";
    private static final String SERVER_ARCHIVE = "postgres-linux-x86_64.txz";
    /** Not copied: zonky's lock file of the server that made the template. */
    private static final String LOCK_FILE = "epg-lock";
    /** Free memory a tmpfs must have for a results-only server's data directory: 2 GiB. */
    private static final long MIN_MEMORY_BYTES = 2L << 30;

    /** Makes the template's content in an empty data directory (start a server there, migrate, stop it cleanly). */
    @FunctionalInterface
    interface Maker {
        void make(Path dataDirectory) throws IOException;
    }

    private ServerTemplate() {
    }

    /**
     * Where a server that holds only a run's results (its fixes in memory) copies the template: {@code /dev/shm} when
     * it is a tmpfs with at least {@link #MIN_MEMORY_BYTES} free, else the temporary directory. On this project's
     * machines copying the template's 1,200 files took 1.1 s to the ext4 root and 0.06 s to tmpfs, the difference
     * between a server ready before the fixes are parsed and one waited for (docs/benchmarks.md). A run's results
     * take tens of megabytes at millions of fixes; a run that stores its fixes stays on disk.
     */
    static Path resultsOnlyParent() {
        Path memory = Path.of("/dev/shm");
        try {
            FileStore store = Files.getFileStore(memory);
            if ("tmpfs".equals(store.type()) && store.getUsableSpace() >= MIN_MEMORY_BYTES
                    && Files.isWritable(memory)) {
                return memory;
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // no such file system here: the temporary directory it is
        }
        return temporaryDirectory();
    }

    /** The JVM's temporary directory, where the template itself lives. */
    static Path temporaryDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A fresh copy of the template in a new directory under {@code parent}, the template made first if there is none. */
    static Path copy(Maker maker, Path parent) throws IOException {
        Path template = temporaryDirectory().resolve("tracks-analyze-pg-" + key());
        if (!Files.isDirectory(template)) {
            Path making = Files.createTempDirectory("tracks-analyze-pg-making-");
            try {
                maker.make(making);
                Files.move(making, template, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException madeMeanwhile) {
                delete(making);
            } catch (IOException | RuntimeException e) {
                delete(making);
                throw e;
            }
        }
        Path copy = Files.createTempDirectory(parent, "tracks-analyze-pg-");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(LOCK_FILE)) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(copy);
            throw e;
        }
        return copy;
    }

    /** Removes a data directory (a copy, or a template being made). */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }

    /** What the template is made of: the server binaries' archive, every migration file, the revision. */
    private static String key() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(REVISION.getBytes(StandardCharsets.UTF_8));
            URL server = ServerTemplate.class.getClassLoader().getResource(SERVER_ARCHIVE);
            digest.update(String.valueOf(server).getBytes(StandardCharsets.UTF_8));
            hashMigrations(digest);
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hashes the migration files on the class path, in name order (a jar's entries or a directory's files). */
    private static void hashMigrations(MessageDigest digest) throws IOException {
        URL location = ServerTemplate.class.getClassLoader().getResource(MIGRATIONS);
        if (location == null) {
            throw new IOException("no " + MIGRATIONS + " on the class path");
        }
        try {
            if (!"jar".equals(location.getProtocol())) {
                hash(listed(Path.of(location.toURI())), digest);
                return;
            }
            try (FileSystem jar = FileSystems.newFileSystem(location.toURI(), Map.of())) {
                hash(listed(jar.getPath(MIGRATIONS)), digest);
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot read " + location, e);
        }
    }

    private static void hash(List<Path> files, MessageDigest digest) throws IOException {
        for (Path file : files) {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
    }

    private static List<Path> listed(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted(Comparator.comparing(file -> file.getFileName().toString())).toList();
        }
    }
}
