package dev.tracks.analysis.worker.scale;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmark's scratch space outside the repository's sources: input trees, result files, logs. */
record WorkDirectory(Path root) {

    /** The subdirectory {@code name}, emptied: each run starts from nothing. */
    Path fresh(String name) throws IOException {
        Path dir = root.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** A file for a run's output, replaced if present. */
    Path file(String name) throws IOException {
        Files.createDirectories(root);
        Path file = root.resolve(name);
        Files.deleteIfExists(file);
        return file;
    }

    /** A classpath resource written out as a file (python cannot run a script inside a jar). */
    Path resource(String resource, String name) throws IOException {
        Path file = file(name);
        try (InputStream in = WorkDirectory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is not on the class path");
            }
            Files.copy(in, file);
        }
        return file;
    }
}
