package dev.tracks.analysis.worker.ingest;

import dev.tracks.analysis.worker.progress.ProgressTracker;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * data_import: all files of a source (a folder, several uploads, a zip archive) in one pipeline. Every file is parsed
 * and its fixes streamed into an {@link ImportWriter}: into PostgreSQL through {@link FixWriter} (binary COPY straight
 * into track_points, without the fixes already stored (same user, time and position) or repeated within the import;
 * files share transactions, so a crash loses whole files only, and a re-run of the same import, or a retry after a
 * crash, adds nothing that is stored already), or into memory through {@link MemoryImport}. A file that fails the
 * rejected-share rule leaves nothing; the others are kept.
 */
public final class PointImport {

    /**
     * What became of one file.
     *
     * @param userId the user its reader was given, null when the file named its users
     */
    public record FileOutcome(String file, String userId, ImportReport report, long inserted, boolean imported) {
    }

    private record FileRead(ImportFile file, ImportReport report, boolean imported) {
    }

    private final ImportWriter writer;
    private final ReaderOptions options;
    private final ProgressTracker progress;

    /** An import into track_points on {@code db}. */
    public PointImport(Connection db, ReaderOptions options, ProgressTracker progress) {
        this(new FixWriter(db), options, progress);
    }

    PointImport(ImportWriter writer, ReaderOptions options, ProgressTracker progress) {
        this.writer = writer;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Imports every file of the source; a file the share rule rejects is an outcome, not an exception.
     *
     * @throws IOException if a file cannot be read at all (the files committed before it stay)
     */
    public List<FileOutcome> run(ImportSource source, double maxRejectedShare) throws SQLException, IOException {
        progress.start(source.estimatedRows());
        return importing(reads -> source.forEachFile((file, in) -> {
            writer.startFile(sourceColumn(file), file.name());
            ImportReport report = FixReaders.forFormat(file.format()).read(in, file.userId(), options, fix -> {
                try {
                    writer.add(fix);
                } catch (SQLException e) {
                    throw new IOException("writing the fixes failed: " + e.getMessage(), e);
                }
            });
            reads.add(endFile(file, report, maxRejectedShare));
        }));
    }

    /**
     * The same import with the files parsed on {@code threads} threads ahead of the writer, each whole (see
     * {@link LocalSource#forEachParsed}) and written in import order: for a writer that holds the fixes in memory
     * anyway.
     */
    List<FileOutcome> runParsedAhead(LocalSource source, double maxRejectedShare, int threads)
            throws SQLException, IOException {
        progress.start(source.estimatedRows());
        return importing(reads -> source.forEachParsed(options, threads, parsed -> {
            writer.startFile(sourceColumn(parsed.file()), parsed.file().name());
            for (ImportedFix fix : parsed.fixes()) {
                writer.add(fix);
            }
            reads.add(endFile(parsed.file(), parsed.report(), maxRejectedShare));
        }));
    }

    @FunctionalInterface
    private interface FileLoop {
        void write(List<FileRead> reads) throws SQLException, IOException;
    }

    private List<FileOutcome> importing(FileLoop files) throws SQLException, IOException {
        List<FileRead> reads = new ArrayList<>();
        try {
            files.write(reads);
            writer.finish();
        } catch (SQLException | IOException | RuntimeException e) {
            writer.abandon();
            throw e;
        }
        long[] inserted = writer.inserted();
        List<FileOutcome> outcomes = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            FileRead read = reads.get(i);
            outcomes.add(new FileOutcome(read.file().name(), read.file().userId(), read.report(), inserted[i],
                    read.imported()));
        }
        return outcomes;
    }

    private static String sourceColumn(ImportFile file) {
        return "import:" + file.format().name().toLowerCase(Locale.ROOT);
    }

    /** The share rule keeps or drops the file read last. */
    private FileRead endFile(ImportFile file, ImportReport report, double maxRejectedShare) throws SQLException {
        progress.advance(report.rows(), report.rejected());
        boolean imported = report.shouldImport(maxRejectedShare);
        if (imported) {
            writer.keepFile();
        } else {
            writer.dropFile();
        }
        writer.betweenFiles();
        return new FileRead(file, report, imported);
    }
}
