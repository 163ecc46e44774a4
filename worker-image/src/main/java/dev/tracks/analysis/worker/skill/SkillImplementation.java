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
 * A catalog skill as this worker runs it: either over each user's fixes in time order ({@link StreamSkill}), or
 * recomputed per user as a whole from what its dependencies wrote ({@link UserSkill}).
 */
public sealed interface SkillImplementation permits StreamSkill, UserSkill {

    Skill skill();

    /** The tables the skill owns, each with the columns it writes (in the order of the values it writes). */
    List<ResultTable> tables();

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
