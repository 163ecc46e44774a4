package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.store.ResultSink;
import dev.tracks.analysis.worker.store.ResultTable;
import dev.tracks.analysis.worker.track.StreamResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A skill that analyzes each user's fixes in time order, resumably (see {@link StreamResult}). Adding a skill means
 * implementing this once, registering it in {@link SkillRegistry}, and adding the migration of its tables.
 *
 * @param <R> one result of the skill's algorithm
 */
public non-sealed interface StreamSkill<R> extends SkillImplementation {

    /** True when the skill must see fixes flagged as outliers too (outlier detection itself); others see clean ones. */
    default boolean readsFlaggedFixes() {
        return false;
    }

    /**
     * Prepares the analysis of one user's fixes from {@code from} on (null: from the first), loading whatever else it
     * reads (e.g. the stays of that time span).
     */
    UserAnalysis<R> open(Connection db, String userId, Instant from, SkillParams params) throws SQLException;

    /** Writes one result as rows of its tables. */
    void write(String userId, R result, ResultSink sink);
}
