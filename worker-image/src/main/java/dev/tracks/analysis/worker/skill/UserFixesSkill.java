package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A per-user skill that also needs all of the user's fixes at once (records over every step, quantiles of speeds):
 * its catalog entry reads track_points. The runner reads the fixes from its fix source (the database, or memory in
 * {@code analyze}, where track_points stays empty), up to what the dependencies analyzed, clean or all as the catalog
 * and the {@code fixes} parameter say, and hands them over whole.
 *
 * @param <P> the skill's parameter record
 */
public interface UserFixesSkill<P extends Record> extends UserSkill<P> {

    /** Reads the user's other inputs and writes all of the user's results from them and {@code fixes}. */
    void recompute(Connection db, String userId, Fixes fixes, P params, ResultSink sink) throws SQLException;

    /** The runner calls the recompute that takes the fixes: this skill cannot run without them. */
    @Override
    default void recompute(Connection db, String userId, P params, ResultSink sink) {
        throw new UnsupportedOperationException(skill().id() + " reads the user's fixes: the runner passes them");
    }
}
