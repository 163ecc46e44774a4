package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.ingest.DataImportParams;
import dev.tracks.analysis.worker.ingest.ImportFormat;
import dev.tracks.analysis.worker.ingest.ImportSource;
import dev.tracks.analysis.worker.ingest.ImportSummary;
import dev.tracks.analysis.worker.ingest.LocalSource;
import dev.tracks.analysis.worker.ingest.PointImport;
import dev.tracks.analysis.worker.ingest.ReaderOptions;
import dev.tracks.analysis.worker.progress.ProgressListener;
import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.skill.SkillImplementation;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.FixSource;
import dev.tracks.analysis.worker.store.PendingWork;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run of a skill with its two connections (reading and writing) and its progress. */
public final class SkillRun {

    /** The contract with the API server: progress at most every ~2 s. */
    public static final Duration REPORT_INTERVAL = Duration.ofSeconds(2);

    private final SkillRegistry registry;
    private final Database database;
    private final Clock clock;
    private final FixSource fixSource;
    private final Map<String, Object> summary = new LinkedHashMap<>();

    public SkillRun(SkillRegistry registry, Database database) {
        this(registry, database, Clock.systemUTC(), FixSource.DATABASE);
    }

    /** @param fixSource where stream skills read the users' fixes (e.g. remembered across the runs of a chain) */
    public SkillRun(SkillRegistry registry, Database database, FixSource fixSource) {
        this(registry, database, Clock.systemUTC(), fixSource);
    }

    SkillRun(SkillRegistry registry, Database database, Clock clock) {
        this(registry, database, clock, FixSource.DATABASE);
    }

    private SkillRun(SkillRegistry registry, Database database, Clock clock, FixSource fixSource) {
        this.registry = registry;
        this.database = database;
        this.clock = clock;
        this.fixSource = fixSource;
    }

    /** The number of points the run would analyze: a dry run. */
    public long count(RunRequest request) throws SQLException {
        if (request.skill() == Skill.DATA_IMPORT) {
            throw WorkerFailure.notRetryable("dry run: data_import reads files, it has no points to analyze");
        }
        SkillImplementation skill = registry.get(request.skill());
        boolean cleanOnly = !(skill instanceof StreamSkill<?> stream) || !stream.readsFlaggedFixes();
        try (Connection db = database.connect("tracks-worker-count")) {
            return PendingWork.count(db, request.skill(), request.scope(), request.incremental(), cleanOnly,
                            request.paramsHash()).stream()
                    .mapToLong(PendingWork.UserWork::points).sum();
        }
    }

    public void execute(RunRequest request, ProgressListener listener) throws SQLException {
        if (request.skill() == Skill.DATA_IMPORT) {
            importPoints(request, listener);
            return;
        }
        SkillImplementation skill = registry.get(request.skill());
        ProgressTracker tracker = new ProgressTracker(listener, clock, REPORT_INTERVAL);
        try (Connection write = database.connect("tracks-worker-" + request.skill().id());
             Connection read = database.connect("tracks-worker-read-" + request.skill().id())) {
            long rows = run(skill, request, write, read, tracker, fixSource);
            summary.put("skill", request.skill().id());
            summary.put("mode", request.mode().name());
            summary.put("resultRows", rows);
            summary.put("analyzedPoints", tracker.processed());
            tracker.finish();
        } catch (SQLException e) {
            if (Database.isTransient(e)) {
                throw WorkerFailure.transientFailure("database: " + e.getMessage(), e);
            }
            throw WorkerFailure.notRetryable("database: " + e.getMessage());
        }
    }

    private static long run(SkillImplementation skill, RunRequest request, Connection write, Connection read,
                            ProgressTracker tracker, FixSource fixSource) throws SQLException {
        if (skill instanceof UserSkill perUser) {
            return new UserSkillRunner(perUser, request, write, read, tracker).run();
        }
        return runStream((StreamSkill<?>) skill, request, write, read, tracker, fixSource);
    }

    private static <R> long runStream(StreamSkill<R> skill, RunRequest request, Connection write, Connection read,
                                      ProgressTracker tracker, FixSource fixSource) throws SQLException {
        return new StreamSkillRunner<>(skill, request, write, read, tracker, fixSource).run();
    }

    /**
     * data_import is the source of the points, not an analysis of them: it reads files, not track_points, so it runs
     * outside the skill shapes. All files of the source go through one import; a file rejected by the share rule
     * fails the task (non-retryable) after the other files are imported.
     */
    private void importPoints(RunRequest request, ProgressListener listener) {
        SkillParams params = SkillParams.resolve(Skill.DATA_IMPORT, request.params());
        DataImportParams importParams = new DataImportParams(params.string("source"),
                ImportFormat.valueOf(params.string("format")), request.params().get("userId") == null ? null
                : params.string("userId"), params.number("maxRejectedShare"));
        importFrom(write -> ImportSource.of(write, importParams), importParams.maxRejectedShare(), listener);
    }

    /**
     * One data_import run over local files and directories (the analyze command's inputs), exactly as a task runs
     * it: one import, one summary, a failure if any file was rejected.
     */
    public void importFiles(LocalSource files, double maxRejectedShare, ProgressListener listener) {
        importFrom(write -> files, maxRejectedShare, listener);
    }

    @FunctionalInterface
    private interface SourceOpening {
        ImportSource open(Connection write) throws IOException, SQLException;
    }

    private void importFrom(SourceOpening opening, double maxRejectedShare, ProgressListener listener) {
        ProgressTracker tracker = new ProgressTracker(listener, clock, REPORT_INTERVAL);
        List<PointImport.FileOutcome> outcomes;
        try (Connection write = database.connect("tracks-worker-data_import")) {
            outcomes = new PointImport(write, ReaderOptions.defaults(), tracker).run(opening.open(write),
                    maxRejectedShare);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql && Database.isTransient(sql)) {
                throw WorkerFailure.transientFailure("database: " + sql.getMessage(), sql);
            }
            throw WorkerFailure.notRetryable("params.source: " + e.getMessage());
        } catch (SQLException e) {
            if (Database.isTransient(e)) {
                throw WorkerFailure.transientFailure("database: " + e.getMessage(), e);
            }
            throw WorkerFailure.notRetryable("database: " + e.getMessage());
        }
        ImportSummary summary = ImportSummary.of(outcomes);
        this.summary.putAll(summary.asMap());
        tracker.finish();
        if (summary.rejectedFiles() > 0) {
            throw WorkerFailure.notRetryable(summary.failureMessage(maxRejectedShare));
        }
    }

    /** What the run did, for the task's status.resultSummary. */
    public Map<String, Object> resultSummary() {
        return Map.copyOf(summary);
    }
}
