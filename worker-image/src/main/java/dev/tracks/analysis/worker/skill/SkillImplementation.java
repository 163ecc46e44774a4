package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.store.ResultTable;
import dev.tracks.analysis.worker.store.TableNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A catalog skill as this worker runs it, in one of three shapes: over each user's fixes in time order
 * ({@link StreamSkill}), recomputed per user as a whole from what its dependencies wrote ({@link UserSkill}), or
 * bringing data in from outside the skill graph ({@link SourceSkill}). Implementations are found with
 * {@link java.util.ServiceLoader} (one line each in {@code META-INF/services}); docs/adding-a-skill.md shows how to
 * write one.
 *
 * @param <P> the skill's parameter record, bound from the catalog by {@link SkillParams#bind}
 */
public sealed interface SkillImplementation<P extends Record> permits StreamSkill, UserSkill, SourceSkill {

    Skill skill();

    /** The record the skill's parameters are bound to; its components are the catalog's parameters. */
    Class<P> parameters();

    /** The result datasets the skill writes (the catalog's {@code writes()}, source datasets aside). */
    List<SkillDataset> datasets();

    /** The tables of {@link #datasets()}. */
    default List<ResultTable> tables() {
        return datasets().stream().map(SkillDataset::table).toList();
    }

    /**
     * Deletes the user's results that start at or after {@code from} (all of them when null), from the given
     * tables: the skill's own, or the staging copies of a full recompute.
     */
    default void deleteResults(Connection db, String userId, Instant from, TableNames names) throws SQLException {
        for (ResultTable table : tables()) {
            String sql = "DELETE FROM " + names.of(table) + " WHERE user_id = ?"
                    + (from == null || table.timeColumn() == null ? "" : " AND " + table.timeColumn() + " >= ?");
            try (var statement = db.prepareStatement(sql)) {
                statement.setString(1, userId);
                if (from != null && table.timeColumn() != null) {
                    statement.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                }
                statement.executeUpdate();
            }
        }
    }
}
