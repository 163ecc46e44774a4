package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.skill.StreamSkill;
import dev.tracks.analysis.worker.skill.UserAnalysis;
import dev.tracks.analysis.worker.store.FixSource;
import dev.tracks.analysis.worker.store.FixStream;
import dev.tracks.analysis.worker.store.PendingWork;
import dev.tracks.analysis.worker.store.ResultLineage;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.TableNames;
import dev.tracks.analysis.worker.store.Watermark;
import dev.tracks.analysis.worker.store.Watermarks;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link StreamSkill} over the users of a run: per user, read the points in batches, analyze, and commit each
 * batch's final results together with the watermark, so that a worker killed at any moment resumes after its last
 * commit with no duplicate and no lost result. A full recompute writes into staging tables and replaces the scope's
 * results in one last transaction, so readers never see a half-replaced result set. A user whose covered results are
 * replaced (a {@link Replacement}) is analyzed in one transaction, which also marks the dependents stale if the
 * results changed.
 */
public final class StreamSkillRunner<P extends Record, R> {

    /** The registry's skill, then (from {@link #run}) the skill as this task runs it. */
    private StreamSkill<P, R> skill;
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

    /** @param fixSource where the users' fixes are read */
    public StreamSkillRunner(StreamSkill<P, R> skill, RunRequest request, Connection writeDb, Connection readDb,
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

    /** Runs to the end; returns the number of result rows written. */
    public long run() throws SQLException {
        skill = skill.forTask(writeDb, params);
        UserLoop.run(skill, request, writeDb, readDb, progress, cleanOnly, fixSource, this::runUser);
        return results;
    }

    private void runUser(PendingWork.UserWork user) throws SQLException {
        Watermark live = request.incremental()
                ? watermarks.find(writeDb, skill.skill(), user.userId()).orElse(null) : null;
        Instant invalidatedAt = request.incremental() ? lineage.invalidatedAt(writeDb, user.userId()).orElse(null)
                : null;
        Watermark mark = Replacement.planningMark(live, invalidatedAt, paramsHash);
        Optional<DependencyState> dependencies = DependencyState.of(writeDb, skill.skill(), user.userId());
        if (dependencies.isEmpty()) {
            return;
        }
        UserRun plan = UserRun.plan(request.scope().times(), mark, user.earliestLate(),
                dependencies.get().analyzedUpTo(), dependencies.get().finalBefore());
        Replacement replacement = Replacement.of(live, invalidatedAt, paramsHash, user.earliestLate(),
                plan.clearFrom()).orElse(null);
        new UserBatches(user.userId(), plan, mark, user.earliestLate() == null && mark != null
                ? mark.lastRecordedAt().toEpochMilli() : Long.MIN_VALUE, replacement).run();
    }

    /** The batches of one user: carries fixes over from the analysis' context index between them. */
    private final class UserBatches {

        private final String userId;
        private final UserRun plan;
        private final ResultSink sink = new ResultSink(tables);
        private final Fixes fixes = new Fixes(Math.min(request.batchSize(), 1 << 16));
        private boolean cleared;
        private long analyzed;
        private long lastPointId;
        private Instant lastTime;
        /** Fixes at or before this time were analyzed before: re-reading them is not progress. */
        private final long newAfterMillis;
        /** Null unless the run replaces results the dependents may have built on: then one transaction. */
        private final Replacement replacement;

        UserBatches(String userId, UserRun plan, Watermark mark, long newAfterMillis, Replacement replacement) {
            this.newAfterMillis = newAfterMillis;
            this.replacement = replacement;
            this.userId = userId;
            this.plan = plan;
            this.analyzed = mark == null ? 0 : mark.analyzedPoints();
            this.lastPointId = mark == null ? 0 : mark.lastPointId();
        }

        void run() throws SQLException {
            if (replacement == null) {
                analyze();
                return;
            }
            String before = lineage.digest(writeDb, userId, replacement.covered());
            analyze();
            if (cleared) {
                lineage.replaced(writeDb, userId, replacement.covered(), before, replacement.cause(),
                        replacement.seenInvalidatedAt());
            }
            writeDb.commit();
        }

        private void analyze() throws SQLException {
            UserAnalysis<R> analysis = skill.open(writeDb, userId, plan.read().from(), params);
            try (FixStream reader = fixSource.open(readDb, userId, plan.read(), cleanOnly,
                    request.batchSize())) {
                int from = 0;
                boolean inContext = true;
                StreamResult<R> last = null;
                Instant resume = null;
                Instant context = null;
                int read;
                while ((read = reader.readInto(fixes, request.batchSize())) > 0) {
                    int firstNew = fixes.size() - read;
                    if (inContext) {
                        from = firstAnalyzed(from);
                        inContext = from == fixes.size();
                    }
                    int cap = firstNotFinal(Math.max(from, firstNew));
                    if (cap < fixes.size()) {
                        finishAfterCap(analysis, reader, from, Math.max(from, firstNew), cap);
                        return;
                    }
                    if (inContext) {
                        continue;
                    }
                    long newlyAnalyzed = noteRead(Math.max(from, firstNew), fixes.size());
                    last = analysis.analyze(fixes, from);
                    resume = resumeTime(last, fixes);
                    context = contextTime(last, fixes);
                    writeResults(last.finals());
                    commit(resume, context, newlyAnalyzed);
                    from = last.resumeIndex() - last.contextIndex();
                    fixes.dropBefore(last.contextIndex());
                }
                if (last != null && !last.provisional().isEmpty()) {
                    writeResults(last.provisional());
                    commit(resume, context, 0);
                }
            } finally {
                // End the read transaction with the user: a snapshot held for a whole run would keep vacuum from
                // cleaning up behind the run's own writes.
                readDb.commit();
            }
        }

        /**
         * Fixes from {@code cap} on lie where a dependency's results are still provisional: results built on them
         * cannot be final. The part before is analyzed as usual; the rest is read whole and analyzed once more, and
         * everything that second call finds is written as provisional, to be replaced by the next run.
         */
        private void finishAfterCap(UserAnalysis<R> analysis, FixStream reader, int from, int firstNew, int cap)
                throws SQLException {
            Fixes before = fixes.slice(0, cap);
            StreamResult<R> settled = analysis.analyze(before, from);
            Instant resume = settled.resumeIndex() < cap ? timeAt(before, settled.resumeIndex()) : timeAt(fixes, cap);
            Instant context = settled.contextIndex() < cap ? timeAt(before, settled.contextIndex())
                    : timeAt(fixes, cap);
            writeResults(settled.finals());
            while (reader.readInto(fixes, request.batchSize()) > 0) {
                // read to the end: the tail is provisional and, like an open window, small
            }
            long newlyAnalyzed = noteRead(firstNew, fixes.size());
            fixes.dropBefore(settled.contextIndex());
            StreamResult<R> tail = analysis.analyze(fixes, settled.resumeIndex() - settled.contextIndex());
            writeResults(tail.finals());
            writeResults(tail.provisional());
            commit(resume, context, newlyAnalyzed);
        }

        /** The first index from {@code start} whose fix is analyzed rather than context only. */
        private int firstAnalyzed(int start) {
            int index = start;
            while (index < fixes.size() && !plan.analyzes(timeAt(fixes, index))) {
                index++;
            }
            return index;
        }

        /** The first index from {@code start} at or after the dependencies' provisional results (size if none). */
        private int firstNotFinal(int start) {
            if (plan.finalBefore() == null) {
                return fixes.size();
            }
            long limit = plan.finalBefore().toEpochMilli();
            int index = start;
            while (index < fixes.size() && fixes.time(index) < limit) {
                index++;
            }
            return index;
        }

        /** Notes the fixes {@code [start, end)} as analyzed; returns how many of them are new. */
        private long noteRead(int start, int end) {
            long fresh = 0;
            for (int i = start; i < end; i++) {
                lastPointId = Math.max(lastPointId, fixes.id(i));
                if (fixes.time(i) > newAfterMillis) {
                    fresh++;
                }
            }
            if (end > start) {
                lastTime = timeAt(fixes, end - 1);
            }
            return fresh;
        }

        private void commit(Instant resume, Instant context, long newlyAnalyzed) throws SQLException {
            // A full recompute writes into fresh staging tables, which hold nothing of the user to replace.
            if (!cleared && plan.clears() && request.incremental()) {
                skill.deleteResults(writeDb, userId, plan.clearFrom(), tables);
                cleared = true;
            }
            sink.flush(writeDb);
            analyzed += newlyAnalyzed;
            watermarks.save(writeDb, skill.skill(), new Watermark(userId, lastTime, lastPointId, analyzed, resume,
                    context, paramsHash), request.taskUid());
            if (replacement == null) {
                writeDb.commit();
            }
            progress.advance(newlyAnalyzed, 0);
        }

        private void writeResults(List<R> found) {
            for (R result : found) {
                skill.write(userId, result, sink);
                results++;
            }
        }
    }

    private static <R> Instant resumeTime(StreamResult<R> result, Fixes fixes) {
        return result.resumeIndex() < fixes.size() ? timeAt(fixes, result.resumeIndex()) : null;
    }

    private static <R> Instant contextTime(StreamResult<R> result, Fixes fixes) {
        return result.contextIndex() < fixes.size() ? timeAt(fixes, result.contextIndex()) : null;
    }

    private static Instant timeAt(Fixes fixes, int index) {
        return Instant.ofEpochMilli(fixes.time(index));
    }
}
