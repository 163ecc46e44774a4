package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A skill whose results for a user depend on all of that user's data at once (clusters of all stays, mobility
 * measures): recomputed whole for each user with new points, from what its dependencies wrote. Cheap, because it
 * reads derived results (stays, cells), never the raw points; a {@link UserFixesSkill} also reads the user's fixes,
 * for results no stream can resume (quantiles, maxima with their place, local days placed in time).
 *
 * @param <P> the skill's parameter record
 */
public non-sealed interface UserSkill<P extends Record> extends SkillImplementation<P> {

    /**
     * The skill as one task runs it, called once before the first user: a skill that reads reference data resolves
     * here the version the whole task reads (as {@link StreamSkill#forTask}). Most skills need nothing.
     */
    default UserSkill<P> forTask(Connection db, P params) throws SQLException {
        return this;
    }

    /** Reads the user's inputs and writes all of the user's results. */
    void recompute(Connection db, String userId, P params, ResultSink sink) throws SQLException;
}
