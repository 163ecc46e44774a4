package dev.tracks.analysis.worker.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Test support: reads a text or a test resource with one reader and keeps what the sink received. */
final class Imports {

    /** The report of one read and the fixes its sink received, in order. */
    record Imported(ImportReport report, List<ImportedFix> fixes) {

        ImportedFix fix(int index) {
            return fixes.get(index);
        }

        List<String> rejectionTexts() {
            return report.rejections().stream().map(r -> r.describe(report.unit())).toList();
        }
    }

    private Imports() {
    }

    static Imported read(ImportFormat format, String text, String userId) {
        return read(format, text, userId, ReaderOptions.defaults());
    }

    static Imported read(ImportFormat format, String text, String userId, ReaderOptions options) {
        return read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), userId, options);
    }

    static Imported readResource(ImportFormat format, String name, String userId) {
        try (InputStream in = Files.newInputStream(resource(name))) {
            return read(format, in, userId, ReaderOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(Imports.class.getResource("/ingest/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static long millis(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    private static Imported read(ImportFormat format, InputStream in, String userId, ReaderOptions options) {
        List<ImportedFix> fixes = new ArrayList<>();
        try {
            ImportReport report = FixReaders.forFormat(format).read(in, userId, options, fixes::add);
            return new Imported(report, fixes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
