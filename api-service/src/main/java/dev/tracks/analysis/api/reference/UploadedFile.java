package dev.tracks.analysis.api.reference;

import dev.tracks.analysis.api.problem.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * An uploaded file under the name it was uploaded with. Quarkus spools an upload to a file of a random name (in /tmp,
 * the pod's emptyDir) and deletes it after the request; a load keeps the file's name (reference_loads.source_file)
 * and a gazetteer's name tells its format. A symbolic link of that name, in a directory of its own, names it so
 * without copying it; closing removes the link and the directory.
 */
final class UploadedFile implements AutoCloseable {

    /** The longest name a file system takes, in bytes. */
    private static final int MAX_NAME_BYTES = 255;

    private final Path directory;
    private final Path link;

    private UploadedFile(Path directory, Path link) {
        this.directory = directory;
        this.link = link;
    }

    static UploadedFile of(FileUpload upload) {
        String name = name(upload.fileName());
        Path directory;
        try {
            directory = Files.createTempDirectory("tracks-reference-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new UploadedFile(directory, Files.createSymbolicLink(directory.resolve(name),
                    upload.uploadedFile().toAbsolutePath()));
        } catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException(e);
        }
    }

    /** The file's own name without any folders, checked; "upload" when it has none. */
    private static String name(String given) {
        String name = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\'))
                + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw ApiException.invalid("file", "the file name '" + name + "' is too long: at most " + MAX_NAME_BYTES
                    + " bytes in UTF-8");
        }
        try {
            Path.of(name);
        } catch (InvalidPathException e) {
            throw ApiException.invalid("file", "the file name cannot be a file's name: " + e.getReason());
        }
        return name;
    }

    String name() {
        return link.getFileName().toString();
    }

    Path path() {
        return link;
    }

    @Override
    public void close() {
        delete(link);
        delete(directory);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // In the pod's /tmp emptyDir, which goes with the pod.
        }
    }
}
