package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import dev.tracks.analysis.worker.progress.ProgressListener;
import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.skill.SkillImplementation;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import dev.tracks.analysis.worker.skill.SourceOutcome;
import dev.tracks.analysis.worker.skill.SourceSkill;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.store.Database;
import dev.tracks.analysis.worker.store.FixSource;
import dev.tracks.analysis.worker.store.PendingWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One run of a skill with its connections (reading and writing) and its progress, whatever the skill's shape. */
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

    /**
     * @param fixSource where the skills read the users' fixes and count their work (e.g. fixes remembered across the
     *     runs of a chain, or held in memory only)
     */
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
        if (registry.get(request.skill()) instanceof SourceSkill<?>) {
            throw WorkerFailure.notRetryable("dry run: " + request.skill().id() + " loads data from outside, it has"
                    + " no points to analyze");
        }
        boolean cleanOnly = !SkillCatalog.definition(request.skill())
                .readsAllFixes(SkillParams.resolve(request.skill(), request.params()).asMap());
        try (Connection db = database.connect("tracks-worker-count")) {
            return fixSource.pendingWork(db, request.skill(), request.scope(), request.incremental(), cleanOnly,
                            request.paramsHash()).stream().mapToLong(PendingWork.UserWork::points).sum();
        }
    }

    public void execute(RunRequest request, ProgressListener listener) {
        SkillImplementation<?> skill = registry.get(request.skill());
        ProgressTracker tracker = new ProgressTracker(listener, clock, REPORT_INTERVAL);
        if (skill instanceof SourceSkill<?> source) {
            load(request.skill().id(), (db, progress) -> loadSource(source, request, db, progress), tracker);
            return;
        }
        try (Connection write = database.connect("tracks-worker-" + request.skill().id());
             Connection read = database.connect("tracks-worker-read-" + request.skill().id())) {
            long rows = analyze(skill, request, write, read, tracker);
            summary.put("skill", request.skill().id());
            summary.put("mode", request.mode().name());
            summary.put("resultRows", rows);
            summary.put("analyzedPoints", tracker.processed());
            tracker.finish();
        } catch (SQLException e) {
            throw databaseFailure(e);
        }
    }

    /** Loads data as a source skill's run does (analyze loads its local files so): one connection, one summary. */
    @FunctionalInterface
    public interface Load {
        SourceOutcome load(Connection db, ProgressTracker progress) throws SQLException;
    }

    /**
     * Runs a load; its summary becomes the run's, and a rejection fails the run (non-retryable) after what was
     * accepted is committed.
     */
    public void load(String name, Load load, ProgressListener listener) {
        load(name, load, new ProgressTracker(listener, clock, REPORT_INTERVAL));
    }

    private void load(String name, Load load, ProgressTracker tracker) {
        SourceOutcome outcome;
        try (Connection write = database.connect("tracks-worker-" + name)) {
            outcome = load.load(write, tracker);
        } catch (SQLException e) {
            throw databaseFailure(e);
        }
        summary.putAll(outcome.summary());
        tracker.finish();
        if (outcome.rejection() != null) {
            throw WorkerFailure.notRetryable(outcome.rejection());
        }
    }

    private static <P extends Record> SourceOutcome loadSource(SourceSkill<P> source, RunRequest request,
                                                               Connection db, ProgressTracker progress)
            throws SQLException {
        return source.load(db, SkillParams.resolve(source.skill(), request.params()).bind(source.parameters()),
                progress);
    }

    private long analyze(SkillImplementation<?> skill, RunRequest request, Connection write, Connection read,
                         ProgressTracker tracker) throws SQLException {
        if (skill instanceof UserSkill<?> perUser) {
            return recompute(perUser, request, write, read, tracker, fixSource);
        }
        return stream((StreamSkill<?, ?>) skill, request, write, read, tracker, fixSource);
    }

    private static <P extends Record> long recompute(UserSkill<P> skill, RunRequest request, Connection write,
                                                     Connection read, ProgressTracker tracker, FixSource fixSource)
            throws SQLException {
        return new UserSkillRunner<>(skill, request, write, read, tracker, fixSource).run();
    }

    private static <P extends Record, R> long stream(StreamSkill<P, R> skill, RunRequest request, Connection write,
                                                     Connection read, ProgressTracker tracker, FixSource fixSource)
            throws SQLException {
        return new StreamSkillRunner<>(skill, request, write, read, tracker, fixSource).run();
    }

    private static WorkerFailure databaseFailure(SQLException e) {
        return Database.isTransient(e) ? WorkerFailure.transientFailure("database: " + e.getMessage(), e)
                : WorkerFailure.notRetryable("database: " + e.getMessage());
    }

    /** What the run did, for the task's status.resultSummary. */
    public Map<String, Object> resultSummary() {
        return Map.copyOf(summary);
    }
}
