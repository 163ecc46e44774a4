package dev.tracks.analysis.worker.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * The entry point of the data_import readers. The runtime's loop over a source:
 * <pre>{@code
 * for (SourceFile file : SourceWalker.expand(path, params.format(), params.userId())) {
 *     ImportReport report = FixReaders.read(file, ReaderOptions.defaults(), stagingSink);
 *     if (report.shouldImport(params.maxRejectedShare())) { commit } else { roll back }
 * }
 * }</pre>
 */
public final class FixReaders {

    private FixReaders() {
    }

    /** The reader of a concrete format. */
    public static FixReader forFormat(ImportFormat format) {
        return switch (format) {
            case GPX -> new GpxReader();
            case PLT -> new PltReader();
            case CSV -> new CsvReader();
            case GEOJSON -> new GeoJsonReader();
            case AUTO -> throw new IllegalArgumentException("AUTO is resolved by SourceWalker or"
                    + " ImportFormat.ofFileName before reading");
        };
    }

    /** Reads one file of a walked source into {@code sink}. */
    public static ImportReport read(SourceFile file, ReaderOptions options, FixSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16)) {
            return forFormat(file.format()).read(in, file.userId(), options, sink);
        }
    }
}
