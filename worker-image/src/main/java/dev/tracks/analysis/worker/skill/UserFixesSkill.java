package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.store.ResultSink;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A per-user skill that also reads all of the user's fixes (records over every step, quantiles of speeds, a timeline
 * of local days): its catalog entry reads track_points. The runner hands over the fixes as it reads them
 * ({@link UserFixes}: from the database, or from memory in {@code analyze}, where track_points stays empty), up to what
 * the dependencies analyzed, clean or all as the catalog and the {@code fixes} parameter say.
 *
 * @param <P> the skill's parameter record
 */
public interface UserFixesSkill<P extends Record> extends UserSkill<P> {

    /** Reads the user's other inputs and writes all of the user's results from them and {@code fixes}. */
    void recompute(Connection db, String userId, UserFixes fixes, P params, ResultSink sink) throws SQLException;

    /** The runner calls the recompute that takes the fixes: this skill cannot run without them. */
    @Override
    default void recompute(Connection db, String userId, P params, ResultSink sink) {
        throw new UnsupportedOperationException(skill().id() + " reads the user's fixes: the runner passes them");
    }
}
