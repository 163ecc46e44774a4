package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The staging copies of a full recompute: temporary tables of the run's session, filled batch by batch, then swapped
 * into the live tables in one transaction. If the worker dies, they vanish with its session and the retry starts the
 * recompute afresh; the live results stay untouched until the swap.
 */
public final class StagingTables {

    public static final String WATERMARKS = "staging_skill_watermarks";

    private StagingTables() {
    }

    public static void create(Connection db, List<ResultTable> tables) throws SQLException {
        try (Statement ddl = db.createStatement()) {
            for (ResultTable table : tables) {
                String staging = TableNames.STAGING.of(table);
                ddl.execute("DROP TABLE IF EXISTS " + staging);
                ddl.execute("CREATE TEMPORARY TABLE " + staging + " (LIKE " + table.name()
                        + " INCLUDING DEFAULTS INCLUDING IDENTITY)");
            }
            ddl.execute("DROP TABLE IF EXISTS " + WATERMARKS);
            ddl.execute("CREATE TEMPORARY TABLE " + WATERMARKS + " (LIKE skill_watermarks INCLUDING ALL)");
        }
        db.commit();
    }

    /**
     * Replaces the live results of the recomputed users within {@code times} by the staged ones, and their
     * watermarks when the recompute ran to the end of the data (no end time). The caller commits.
     */
    public static void replaceLive(Connection db, Skill skill, List<ResultTable> tables, TimeRange times)
            throws SQLException {
        for (ResultTable table : tables) {
            String columns = String.join(", ", table.columns());
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM " + table.name() + " t USING " + WATERMARKS
                    + " s WHERE s.skill_name = ? AND t.user_id = s.user_id AND "
                    + (table.timeColumn() == null ? "true" : times.condition("t." + table.timeColumn())));
                 Statement insert = db.createStatement()) {
                delete.setString(1, skill.id());
                if (table.timeColumn() != null) {
                    times.bind(delete, 2);
                }
                delete.executeUpdate();
                insert.executeUpdate("INSERT INTO " + table.name() + " (" + columns + ") SELECT " + columns + " FROM "
                        + TableNames.STAGING.of(table));
            }
        }
        if (times.to() == null) {
            try (Statement upsert = db.createStatement()) {
                upsert.executeUpdate("INSERT INTO skill_watermarks SELECT * FROM " + WATERMARKS
                        + " ON CONFLICT (skill_name, user_id) DO UPDATE SET"
                        + " last_recorded_at = excluded.last_recorded_at, last_point_id = excluded.last_point_id, analyzed_points = excluded.analyzed_points,"
                        + " resume_from = excluded.resume_from, context_from = excluded.context_from,"
                        + " task_uid = excluded.task_uid, params_hash = excluded.params_hash, updated_at = now()");
            }
        }
    }
}
