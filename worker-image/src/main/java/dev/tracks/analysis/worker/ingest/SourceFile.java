package dev.tracks.analysis.worker.ingest;

import java.nio.file.Path;

/**
 * One file to import.
 *
 * @param path the file
 * @param format its format, never AUTO
 * @param userId the user of its fixes (the userId parameter, or the GeoLife user folder), or null when the file
 *     must name its users itself
 */
public record SourceFile(Path path, ImportFormat format, String userId) {

    public SourceFile {
        if (format == ImportFormat.AUTO) {
            throw new IllegalArgumentException("a source file has a concrete format: " + path);
        }
    }
}
