package dev.tracks.analysis.worker.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * The entry point of the data_import readers. {@link PointImport} reads every file of a source with
 * {@link #forFormat} and keeps or drops it by {@link ImportReport#shouldImport(double)}.
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

    /** Reads one file of a walked source (not an archive; a {@code .gz} file through gunzip) into {@code sink}. */
    public static ImportReport read(SourceFile file, ReaderOptions options, FixSink sink) throws IOException {
        if (file.archive()) {
            throw new IllegalArgumentException("an archive holds many files; read it with LocalSource: " + file);
        }
        InputStream raw = Files.newInputStream(file.path());
        try (InputStream in = new BufferedInputStream(ImportFile.isGzip(file.path().toString())
                ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16)) {
            return forFormat(file.format()).read(in, file.userId(), options, sink);
        }
    }
}
