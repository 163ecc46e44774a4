package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.ingest.FixReaders;
import dev.tracks.analysis.worker.ingest.ImportFormat;
import dev.tracks.analysis.worker.ingest.ImportReport;
import dev.tracks.analysis.worker.ingest.ImportedFix;
import dev.tracks.analysis.worker.ingest.ReaderOptions;
import dev.tracks.analysis.worker.ingest.SourceFile;
import dev.tracks.analysis.worker.ingest.SourceWalker;
import dev.tracks.analysis.worker.track.Fixes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one user's files (a GeoLife user folder, or one GPX file) with the data_import readers into {@link Fixes},
 * as the runtime would see them after import: accepted rows only, sorted by time (a stable sort keeps file order
 * among equal times, which stands in for the runtime's "then by id"), ids numbered 0, 1, ... in that order.
 */
final class TrackFiles {

    /** The fixes read and what the readers dropped. */
    record Track(Fixes fixes, long rows, long duplicates, long rejected) {
    }

    private TrackFiles() {
    }

    /** Reads every file of {@code source} that data_import would read (side files such as labels.txt are skipped). */
    static Track read(Path source, String userId) throws IOException {
        List<ImportedFix> read = new ArrayList<>();
        long rows = 0;
        long duplicates = 0;
        long rejected = 0;
        for (SourceFile file : SourceWalker.expand(source, ImportFormat.AUTO, userId)) {
            ImportReport report = FixReaders.read(file, ReaderOptions.defaults(), read::add);
            if (report.failure() != null) {
                throw new IOException(file.path() + ": " + report.failure());
            }
            rows += report.rows();
            duplicates += report.duplicates();
            rejected += report.rejected();
        }
        read.sort(Comparator.comparingLong(ImportedFix::epochMillis));
        Fixes fixes = new Fixes(read.size());
        for (ImportedFix fix : read) {
            fixes.add(fixes.size(), fix.epochMillis(), fix.lat(), fix.lon(), fix.altitudeMeters(),
                    fix.accuracyMeters());
        }
        return new Track(fixes, rows, duplicates, rejected);
    }
}
