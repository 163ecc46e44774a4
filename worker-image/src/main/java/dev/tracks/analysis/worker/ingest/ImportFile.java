package dev.tracks.analysis.worker.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * One file of an import as the pipeline reads it: a local file, an uploaded file or an archive entry.
 *
 * @param name how the per-file report names it (a path, an upload's file name, {@code archive.zip!/entry})
 * @param format its format, never AUTO
 * @param userId the user its reader is given, or null when the file must name its users itself (CSV, GeoJSON)
 */
public record ImportFile(String name, ImportFormat format, String userId) {

    private static final String GEOLIFE_TRAJECTORY_FOLDER = "Trajectory";

    public ImportFile {
        if (format == ImportFormat.AUTO) {
            throw new IllegalArgumentException("an import file has a concrete format: " + name);
        }
    }

    /**
     * The file with the user data_import gives it: {@code givenUser} when set; else the user folder of a GeoLife path
     * ({@code <user>/Trajectory/<name>.plt}); else, for GPX and PLT files, which never name their user, the file's
     * name without its extensions ({@code walk.gpx} is user {@code walk}); else none (CSV and GeoJSON name theirs).
     *
     * @param path the file's path or name, '/' separated ('\' is accepted too)
     */
    public static ImportFile named(String path, ImportFormat format, String givenUser) {
        if (givenUser != null) {
            return new ImportFile(path, format, givenUser);
        }
        Optional<String> geoLife = format == ImportFormat.PLT ? geoLifeUser(path) : Optional.empty();
        if (geoLife.isPresent()) {
            return new ImportFile(path, format, geoLife.get());
        }
        boolean namesNoUser = format == ImportFormat.GPX || format == ImportFormat.PLT;
        String[] names = path.replace('\\', '/').split("/");
        return new ImportFile(path, format, namesNoUser ? stem(names[names.length - 1]) : null);
    }

    /** The user folder of a GeoLife path {@code .../<user>/Trajectory/<name>.plt}, if the path has that shape. */
    public static Optional<String> geoLifeUser(String path) {
        String[] names = path.replace('\\', '/').split("/");
        return names.length >= 3 && GEOLIFE_TRAJECTORY_FOLDER.equalsIgnoreCase(names[names.length - 2])
                && !names[names.length - 3].isEmpty() ? Optional.of(names[names.length - 3]) : Optional.empty();
    }

    /** Whether the path names a gzip-compressed file ({@code track.csv.gz}), read through gunzip. */
    public static boolean isGzip(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** Whether the path names a zip archive, whose entries are the files to import. */
    public static boolean isZip(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static String stem(String fileName) {
        String name = isGzip(fileName) ? fileName.substring(0, fileName.length() - 3) : fileName;
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
