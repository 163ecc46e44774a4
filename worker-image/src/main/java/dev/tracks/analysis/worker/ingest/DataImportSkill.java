package dev.tracks.analysis.worker.ingest;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.skill.SourceOutcome;
import dev.tracks.analysis.worker.skill.SourceSkill;
import dev.tracks.analysis.worker.store.Database;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * data_import on the runtime: every file of the source through one {@link PointImport}. A file rejected by the share
 * rule fails the task (non-retryable) after the other files are imported. analyze imports its local files the same
 * way, into track_points or into memory.
 */
public final class DataImportSkill implements SourceSkill<DataImportParams> {

    @Override
    public Skill skill() {
        return Skill.DATA_IMPORT;
    }

    @Override
    public Class<DataImportParams> parameters() {
        return DataImportParams.class;
    }

    @Override
    public SourceOutcome load(Connection db, DataImportParams params, ProgressTracker progress) throws SQLException {
        return importFiles(db, () -> ImportSource.of(db, params), params, progress);
    }

    /**
     * One import of local files and directories (the analyze command's inputs), exactly as a task runs it: one
     * import, one summary, a rejection if any file was rejected.
     */
    public static SourceOutcome importLocal(Connection db, LocalSource files, DataImportParams params,
                                            ProgressTracker progress) throws SQLException {
        return importFiles(db, () -> files, params, progress);
    }

    /**
     * The same import into memory (analyze's own embedded database holds nothing but one run): the fixes end in
     * {@code memory}, the summary and the rejection are those of the import into track_points.
     */
    public static SourceOutcome importLocal(MemoryImport memory, LocalSource files, DataImportParams params,
                                            ProgressTracker progress) {
        try {
            return outcome(ImportSummary.of(memory.run(files, ReaderOptions.of(params, Instant.now()),
                    params.maxRejectedShare(), progress)), params.maxRejectedShare());
        } catch (IOException e) {
            throw WorkerFailure.notRetryable("params.source: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface SourceOpening {
        ImportSource open() throws IOException, SQLException;
    }

    private static SourceOutcome importFiles(Connection db, SourceOpening opening, DataImportParams params,
                                             ProgressTracker progress) throws SQLException {
        ImportSummary summary;
        try {
            summary = ImportSummary.of(new PointImport(db, ReaderOptions.of(params, Instant.now()), progress)
                    .run(opening.open(), params.maxRejectedShare()));
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql && Database.isTransient(sql)) {
                throw sql;
            }
            throw WorkerFailure.notRetryable("params.source: " + e.getMessage());
        }
        return outcome(summary, params.maxRejectedShare());
    }

    private static SourceOutcome outcome(ImportSummary summary, double maxRejectedShare) {
        return new SourceOutcome(summary.asMap(),
                summary.rejectedFiles() > 0 ? summary.failureMessage(maxRejectedShare) : null);
    }
}
