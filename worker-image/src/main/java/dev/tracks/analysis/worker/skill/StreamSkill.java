package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A skill that analyzes each user's fixes in time order, resumably (see {@link StreamResult}). Whether it sees the
 * fixes outlier detection flagged is the catalog's answer ({@code SkillDefinition.fixSelection()}).
 *
 * @param <P> the skill's parameter record
 * @param <R> one result of the skill's algorithm
 */
public non-sealed interface StreamSkill<P extends Record, R> extends SkillImplementation<P> {

    /**
     * The skill as one task runs it, called once before the first user: a skill that reads data besides the fixes
     * and its dependencies' results (reference data) resolves here the version the whole task reads, so that a new
     * version becoming active mid-task does not change the answers for later users. Most skills need nothing.
     */
    default StreamSkill<P, R> forTask(Connection db, P params) throws SQLException {
        return this;
    }

    /**
     * Prepares the analysis of one user's fixes from {@code from} on (null: from the first), loading whatever else it
     * reads (e.g. the stays of that time span).
     */
    UserAnalysis<R> open(Connection db, String userId, Instant from, P params) throws SQLException;

    /** Writes one result as rows of its datasets. */
    void write(String userId, R result, ResultSink sink);
}
