package dev.tracks.analysis.worker.ingest;

import dev.tracks.analysis.worker.progress.ProgressTracker;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * data_import into PostgreSQL: all files of a source (a folder, several uploads, a zip archive) in one pipeline.
 * Every file is parsed and its fixes streamed through {@link FixWriter} with binary COPY straight into track_points,
 * without the fixes already stored (same user, time and position) or repeated within the import. A file that fails
 * the rejected-share rule leaves nothing; the others are kept. Files share transactions, committed at file boundaries
 * once {@link #COMMIT_ROWS} fixes are pending, so a crash loses whole files only, and a re-run of the same import
 * (or a retry after a crash) adds nothing that is stored already.
 */
public final class PointImport {

    /** Fixes of kept files after which the import commits at the next file boundary. */
    static final long COMMIT_ROWS = 100_000;

    /**
     * What became of one file.
     *
     * @param userId the user its reader was given, null when the file named its users
     */
    public record FileOutcome(String file, String userId, ImportReport report, long inserted, boolean imported) {
    }

    private record FileRead(ImportFile file, ImportReport report, boolean imported) {
    }

    private final Connection db;
    private final ReaderOptions options;
    private final ProgressTracker progress;

    public PointImport(Connection db, ReaderOptions options, ProgressTracker progress) {
        this.db = db;
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
        FixWriter writer = new FixWriter(db);
        List<FileRead> reads = new ArrayList<>();
        try {
            source.forEachFile((file, in) -> {
                writer.startFile("import:" + file.format().name().toLowerCase(Locale.ROOT));
                ImportReport report = FixReaders.forFormat(file.format()).read(in, file.userId(), options, fix -> {
                    try {
                        writer.add(fix);
                    } catch (SQLException e) {
                        throw new IOException("writing into track_points failed: " + e.getMessage(), e);
                    }
                });
                progress.advance(report.rows(), report.rejected());
                boolean imported = report.shouldImport(maxRejectedShare);
                if (imported) {
                    writer.keepFile();
                } else {
                    writer.dropFile();
                }
                reads.add(new FileRead(file, report, imported));
                if (writer.keptSinceCommit() >= COMMIT_ROWS) {
                    writer.commit();
                }
            });
            writer.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
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
}
