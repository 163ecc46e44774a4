package dev.tracks.analysis.worker.ingest;

import java.util.Locale;
import java.util.Optional;

/** The formats data_import reads (catalog parameter {@code format}). */
public enum ImportFormat {
    /** Decide by file extension ({@link #ofFileName}). */
    AUTO,
    /** GPX 1.0 or 1.1: trkpt, and wpt/rtept that have a time. */
    GPX,
    /** GeoLife PLT (Zheng et al., GeoLife GPS Trajectories 1.3 User Guide). */
    PLT,
    /** Delimited text with a header row. */
    CSV,
    /** GeoJSON (RFC 7946) Features with times. */
    GEOJSON;

    /**
     * The format a file name (or the path of a URL) stands for, by its extension, case-insensitively: {@code .gpx},
     * {@code .plt}, {@code .csv}, {@code .geojson} or {@code .json}, each also gzip-compressed ({@code .csv.gz}).
     * Other names (e.g. GeoLife's labels.txt, or a zip archive) have none.
     */
    public static Optional<ImportFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String name = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
        if (name.endsWith(".gpx")) {
            return Optional.of(GPX);
        }
        if (name.endsWith(".plt")) {
            return Optional.of(PLT);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return Optional.of(GEOJSON);
        }
        return Optional.empty();
    }
}
