package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.UserFixesSkill;
import dev.tracks.analysis.worker.skill.UserSkill;
import dev.tracks.analysis.worker.store.FixSource;
import dev.tracks.analysis.worker.store.PendingWork;
import dev.tracks.analysis.worker.store.ResultLineage;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.TableNames;
import dev.tracks.analysis.worker.store.TimeRange;
import dev.tracks.analysis.worker.store.Watermark;
import dev.tracks.analysis.worker.store.Watermarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs a {@link UserSkill}: for each user with points its last run did not cover, replace the user's results with a
 * recomputation, in one transaction with the watermark. A full recompute stages them and swaps at the end, as the
 * stream runner does. A recomputation for late points, other parameters or stale inputs marks the dependents stale
 * in that transaction if the results changed.
 */
final class UserSkillRunner<P extends Record> {

    private UserSkill<P> skill;
    private final RunRequest request;
    private final P params;
    private final boolean cleanOnly;
    private final Connection writeDb;
    private final Connection readDb;
    private final ProgressTracker progress;
    private final FixSource fixSource;
    private final TableNames tables;
    private final Watermarks watermarks;
    private final ResultLineage lineage;
    private final String paramsHash;
    private long results;

    /** @param fixSource where the users' fixes are, and so their work is counted */
    UserSkillRunner(UserSkill<P> skill, RunRequest request, Connection writeDb, Connection readDb,
                    ProgressTracker progress, FixSource fixSource) {
        this.skill = skill;
        this.request = request;
        SkillParams resolved = SkillParams.resolve(skill.skill(), request.params());
        this.params = resolved.bind(skill.parameters());
        this.cleanOnly = !SkillCatalog.definition(skill.skill()).readsAllFixes(resolved.asMap());
        this.writeDb = writeDb;
        this.readDb = readDb;
        this.progress = progress;
        this.fixSource = fixSource;
        this.tables = request.tableNames();
        this.watermarks = request.watermarks();
        this.lineage = new ResultLineage(skill.skill(), skill.tables(), request.taskUid());
        this.paramsHash = request.paramsHash();
    }

    long run() throws SQLException {
        skill = skill.forTask(writeDb, params);
        UserLoop.run(skill, request, writeDb, readDb, progress, cleanOnly, fixSource, this::recompute);
        return results;
    }

    private void recompute(PendingWork.UserWork user) throws SQLException {
        Optional<DependencyState> dependencies = DependencyState.of(writeDb, skill.skill(), user.userId());
        if (dependencies.isEmpty()) {
            return;
        }
        Instant upTo = dependencies.get().analyzedUpTo();
        if (upTo == null) {
            throw new IllegalStateException(skill.skill().id() + " is a per-user skill without dependencies in the"
                    + " catalog: it has no results to build on");
        }
        Watermark live = request.incremental()
                ? watermarks.find(writeDb, skill.skill(), user.userId()).orElse(null) : null;
        Instant invalidatedAt = request.incremental() ? lineage.invalidatedAt(writeDb, user.userId()).orElse(null)
                : null;
        Optional<Replacement> replacement = Replacement.of(live, invalidatedAt, paramsHash, user.earliestLate(),
                null);
        String before = replacement.isEmpty() ? null
                : lineage.digest(writeDb, user.userId(), replacement.get().covered());
        if (request.incremental()) {
            // A full recompute writes into fresh staging tables, which hold nothing of the user yet.
            skill.deleteResults(writeDb, user.userId(), null, tables);
        }
        ResultSink sink = new ResultSink(tables);
        try {
            if (skill instanceof UserFixesSkill<P> readsFixes) {
                // The fixes the dependencies' results cover, in the run's scope: what the results are built on.
                TimeRange covered = request.scope().times().endingAt(upTo);
                readsFixes.recompute(writeDb, user.userId(), () -> fixSource.open(readDb, user.userId(), covered,
                        cleanOnly, request.batchSize()), params, sink);
            } else {
                skill.recompute(writeDb, user.userId(), params, sink);
            }
        } finally {
            // End the read transaction with the user, as the stream runner does.
            readDb.commit();
        }
        results += sink.rowCount();
        sink.flush(writeDb);
        Watermark previous = Replacement.planningMark(live, invalidatedAt, paramsHash);
        long analyzed = (previous == null ? 0 : previous.analyzedPoints()) + user.points();
        // What the dependencies covered is what this recomputation covered: no read of the user's points needed.
        watermarks.save(writeDb, skill.skill(), new Watermark(user.userId(), upTo,
                dependencies.get().coveredPointId(), analyzed, null, null, paramsHash), request.taskUid());
        if (replacement.isPresent()) {
            lineage.replaced(writeDb, user.userId(), replacement.get().covered(), before, replacement.get().cause(),
                    invalidatedAt);
        }
        writeDb.commit();
        progress.advance(user.points(), 0);
    }
}
