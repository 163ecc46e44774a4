package dev.tracks.analysis.worker.ingest;

import java.nio.file.Path;

/**
 * One file to import, or one zip archive whose entries are.
 *
 * @param path the file
 * @param format its format, never AUTO; for an archive, the format its entries are filtered by (AUTO: every entry
 *     whose name tells a format)
 * @param userId the user of its fixes (the userId parameter, or the GeoLife user folder), or null when the file
 *     must name its users itself
 */
public record SourceFile(Path path, ImportFormat format, String userId) {

    public SourceFile {
        if (format == ImportFormat.AUTO && !isArchive(path)) {
            throw new IllegalArgumentException("a source file has a concrete format: " + path);
        }
    }

    /** Whether this is a zip archive, read entry by entry. */
    public boolean archive() {
        return isArchive(path);
    }

    private static boolean isArchive(Path path) {
        return ImportFile.isZip(path.getFileName().toString());
    }
}
