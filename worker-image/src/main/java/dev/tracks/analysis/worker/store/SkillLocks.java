package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps two runs of one skill from writing the same results at once: two tasks of the skill, or a retry while a
 * lost attempt still runs. An incremental run holds the skill's lock shared for the whole run and each user's lock
 * while it analyzes that user, so that a second run waits for the user and then reads the advanced watermark; a full
 * recompute holds the skill's lock exclusively, because it swaps in all its results at the end. These are
 * session-level advisory locks of the write connection: they outlive the commits of each batch, and a worker that
 * dies releases them with its connection.
 */
public final class SkillLocks {

    private SkillLocks() {
    }

    /** Waits for the skill's lock: shared for an incremental run, exclusive for a full recompute. */
    public static void lockSkill(Connection db, Skill skill, boolean exclusive) throws SQLException {
        String function = exclusive ? "pg_advisory_lock" : "pg_advisory_lock_shared";
        call("SELECT " + function + "(hashtext('tracks-skill'), hashtext(?))", db, skill.id(), null);
    }

    /** Waits for the lock of one user's results of the skill. */
    public static void lockUser(Connection db, Skill skill, String userId) throws SQLException {
        call("SELECT pg_advisory_lock(hashtext(?), hashtext(?))", db, skill.id(), userId);
    }

    public static void unlockUser(Connection db, Skill skill, String userId) throws SQLException {
        call("SELECT pg_advisory_unlock(hashtext(?), hashtext(?))", db, skill.id(), userId);
    }

    private static void call(String sql, Connection db, String first, String second) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, first);
            if (second != null) {
                statement.setString(2, second);
            }
            statement.execute();
        }
    }
}
