package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.progress.ProgressTracker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A skill that brings data in from outside the skill graph (files, uploads) rather than analyzing stored fixes: it
 * writes a source dataset, has no per-user watermark and no result datasets of its own.
 *
 * @param <P> the skill's parameter record
 */
public non-sealed interface SourceSkill<P extends Record> extends SkillImplementation<P> {

    /**
     * Loads what the parameters name in the connection's transactions, reporting progress. A failure another attempt
     * cannot mend (an unreadable source) is a {@link dev.tracks.analysis.worker.failure.WorkerFailure}; a database
     * failure is thrown as such, and the runner tells transient from permanent.
     */
    SourceOutcome load(Connection db, P params, ProgressTracker progress) throws SQLException;

    @Override
    default List<SkillDataset> datasets() {
        return List.of();
    }
}
