package dev.tracks.analysis.worker.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Expands the {@code source} of data_import into the files to read, each with its format and user.
 *
 * <p>A file stands for itself; with format AUTO its extension must name a format ({@link ImportFormat#ofFileName}).
 * A directory is walked recursively (symbolic links not followed); it yields the regular files whose extension names
 * a format (with an explicit format: that format only), so that GeoLife's labels.txt and other side files are not
 * read. A zip archive ({@code .zip}), given or found, is yielded as one {@link SourceFile#archive() archive}: its
 * entries are filtered the same way when it is read. Files and folders whose names start with a dot are skipped. The order is deterministic: by relative path,
 * compared name by name (so {@code a/z.plt} comes before {@code a-b/x.plt}), which is also time order for GeoLife's
 * timestamp-named files. The user of a PLT file at {@code <user>/Trajectory/<name>.plt} is the user folder's name
 * (GeoLife 1.3 layout), unless a userId is given, which wins.
 */
public final class SourceWalker {

    private SourceWalker() {
    }

    /**
     * The files of {@code source} in import order.
     *
     * @param userId the userId parameter, or null
     * @throws IllegalArgumentException if a single file's format cannot be told from its name
     * @throws IOException if the source does not exist or cannot be listed
     */
    public static List<SourceFile> expand(Path source, ImportFormat format, String userId) throws IOException {
        if (!Files.isDirectory(source)) {
            if (!Files.isRegularFile(source)) {
                throw new IOException("no such file or directory: " + source);
            }
            if (ImportFile.isZip(source.getFileName().toString())) {
                return List.of(new SourceFile(source, format, userId));
            }
            ImportFormat resolved = format != ImportFormat.AUTO ? format
                    : ImportFormat.ofFileName(source.getFileName().toString()).orElseThrow(
                            () -> new IllegalArgumentException("cannot tell the format of " + source
                                    + " from its name; set format"));
            return List.of(new SourceFile(source, resolved, userOf(source, resolved, userId)));
        }
        try (Stream<Path> paths = Files.walk(source)) {
            return paths
                    .filter(Files::isRegularFile)
                    .filter(path -> !hidden(source.relativize(path)))
                    .map(source::relativize)
                    .sorted(SourceWalker::compareByNames)
                    .flatMap(relative -> fileOf(source.resolve(relative), format, userId).stream())
                    .toList();
        }
    }

    /** The user folder of a GeoLife file {@code <user>/Trajectory/<name>.plt}, if the path has that shape. */
    public static Optional<String> geoLifeUser(Path file) {
        return ImportFile.geoLifeUser(file.toAbsolutePath().toString());
    }

    private static Optional<SourceFile> fileOf(Path path, ImportFormat format, String userId) {
        if (ImportFile.isZip(path.getFileName().toString())) {
            return Optional.of(new SourceFile(path, format, userId));
        }
        return ImportFormat.ofFileName(path.getFileName().toString())
                .filter(found -> format == ImportFormat.AUTO || found == format)
                .map(found -> new SourceFile(path, found, userOf(path, found, userId)));
    }

    private static String userOf(Path file, ImportFormat format, String userId) {
        if (userId != null || format != ImportFormat.PLT) {
            return userId;
        }
        return geoLifeUser(file).orElse(null);
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static int compareByNames(Path a, Path b) {
        int common = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < common; i++) {
            int order = a.getName(i).toString().compareTo(b.getName(i).toString());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    }
}
