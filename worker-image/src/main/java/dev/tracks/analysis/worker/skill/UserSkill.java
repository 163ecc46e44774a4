package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A skill whose results for a user depend on all of that user's data at once (clusters of all stays, mobility
 * measures): recomputed whole for each user with new points, from what its dependencies wrote. Cheap, because it
 * reads derived results (stays, cells); a skill that places them in time (a timeline, local days) reads the user's
 * fixes once, in time order, through {@link UserFixes}.
 *
 * @param <P> the skill's parameter record
 */
public non-sealed interface UserSkill<P extends Record> extends SkillImplementation<P> {

    /**
     * Reads the user's inputs and writes all of the user's results. A skill implements this method or, when it also
     * reads the user's fixes, the one with {@link UserFixes}.
     */
    default void recompute(Connection db, String userId, P params, ResultSink sink) throws SQLException {
        throw new IllegalStateException(skill().id() + " implements no recompute method");
    }

    /**
     * Reads the user's inputs, fixes included, and writes all of the user's results; what the runner calls.
     *
     * @param fixes the user's fixes, selected (clean or all) and read (database or memory) as the run reads them
     */
    default void recompute(Connection db, String userId, P params, UserFixes fixes, ResultSink sink)
            throws SQLException {
        recompute(db, userId, params, sink);
    }
}
