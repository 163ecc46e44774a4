package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.skill.Dataset;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.worker.progress.ProgressTracker;
import dev.tracks.analysis.worker.skill.SkillImplementation;
import dev.tracks.analysis.worker.store.FixSource;
import dev.tracks.analysis.worker.store.PendingWork;
import dev.tracks.analysis.worker.store.ResultLineage;
import dev.tracks.analysis.worker.store.SkillLocks;
import dev.tracks.analysis.worker.store.StagingTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The frame of every run: take the skill's lock ({@link SkillLocks}), count the work and report it, prepare the
 * staging tables of a full recompute, run each user under that user's lock, and swap the staged results in at the
 * end, marking what was built on results that changed stale ({@link ResultLineage}).
 */
final class UserLoop {

    /** One user's share of the run. */
    @FunctionalInterface
    interface UserStep {
        void run(PendingWork.UserWork user) throws SQLException;
    }

    private UserLoop() {
    }

    /**
     * Marks stale the users whose results were computed on source data that changed since: a user's time zone, a
     * new active reference load. Their incremental run recomputes them, and the count of work includes them.
     */
    private static void markChangedSources(Connection writeDb, Skill skill) throws SQLException {
        List<Dataset> reads = SkillCatalog.definition(skill).reads();
        if (reads.contains(Dataset.USER_TIME_ZONES)) {
            ResultLineage.markTimeZoneChanges(writeDb, skill);
        }
        for (ReferenceKind kind : ReferenceKind.values()) {
            if (reads.contains(kind.dataset())) {
                ResultLineage.markReferenceChanges(writeDb, skill, kind.id());
            }
        }
    }

    /**
     * @param cleanOnly whether the skill reads only fixes that outlier detection did not flag
     * @param fixes where the users' fixes are, and so their work is counted
     */
    static void run(SkillImplementation<?> skill, RunRequest request, Connection writeDb, Connection readDb,
                    ProgressTracker progress, boolean cleanOnly, FixSource fixes, UserStep step)
            throws SQLException {
        SkillLocks.lockSkill(writeDb, skill.skill(), !request.incremental());
        Instant started = request.incremental() ? null : ResultLineage.now(writeDb);
        if (request.incremental()) {
            markChangedSources(writeDb, skill.skill());
        }
        writeDb.commit();
        List<PendingWork.UserWork> work = fixes.pendingWork(readDb, skill.skill(), request.scope(),
                request.incremental(), cleanOnly, request.paramsHash());
        readDb.commit();
        progress.start(work.stream().mapToLong(PendingWork.UserWork::points).sum());
        if (!request.incremental()) {
            StagingTables.create(writeDb, skill.tables());
        }
        for (PendingWork.UserWork user : work) {
            // A failed step ends the run and its connection, and with it the locks.
            SkillLocks.lockUser(writeDb, skill.skill(), user.userId());
            writeDb.commit();
            step.run(user);
            SkillLocks.unlockUser(writeDb, skill.skill(), user.userId());
            writeDb.commit();
        }
        if (!request.incremental()) {
            new ResultLineage(skill.skill(), skill.tables(), request.taskUid()).beforeSwap(writeDb,
                    request.scope().times(), started);
            StagingTables.replaceLive(writeDb, skill.skill(), skill.tables(), request.scope().times());
            writeDb.commit();
        }
    }
}
