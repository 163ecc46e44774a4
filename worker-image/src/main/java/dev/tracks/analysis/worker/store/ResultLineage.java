package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The lineage of one skill's per-user results (stale_results, V26): when a run replaces results of a user that the
 * skill's dependents may have built on, and they come out different, every skill downstream of it (transitively, from
 * the catalog) that has results for the user is marked stale, in the transaction of the replacement; the next
 * incremental run of each recomputes the user. Whether results changed is told by a digest of the rows: stay ids and
 * the like are ids of fixes, stable across recomputes, so equal results give equal digests.
 */
public final class ResultLineage {

    /** Why the upstream results changed (stale_results.reason). */
    public enum Cause {
        LATE_POINTS, PARAMETERS_CHANGED, FULL_RECOMPUTE, INPUTS_CHANGED, TIME_ZONE_CHANGED, REFERENCE_CHANGED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A digest of the rows {@code r} that is the same for the same rows in any order, wherever they are stored: the
     * number of rows and the sum of a hash of each. Each row's hash (PostgreSQL's record hash, over the values, not
     * their text) is mixed once more, so that changes which keep the sum of the plain hashes (two rows trading a
     * value) change the digest. md5 of the rows' text, sorted, cost five to six times as much (LineageBenchmark).
     */
    private static final String ROWS_DIGEST = "count(*) || ':' || coalesce(sum(hashint8extended("
            + "hash_record_extended(r, 0), 0)::numeric), 0)";

    private final Skill skill;
    private final List<ResultTable> tables;
    private final UUID taskUid;
    private final String[] downstream;

    /** @param taskUid the run's task, recorded with the marks it writes; null for command-line runs */
    public ResultLineage(Skill skill, List<ResultTable> tables, UUID taskUid) {
        this.skill = skill;
        this.tables = List.copyOf(tables);
        this.taskUid = taskUid;
        this.downstream = SkillCatalog.downstreamOf(skill).stream().map(Skill::id).toArray(String[]::new);
    }

    /**
     * Marks stale the users of {@code skill} (one that reads user_time_zones: it counts local days) whose zone was set,
     * changed or removed (V44) after the skill last computed them; returns how many. Their next incremental run
     * recomputes them whole, in the new zone. The mark's time is the zone's change, so the run that makes it clears it.
     */
    public static int markTimeZoneChanges(Connection db, Skill skill) throws SQLException {
        try (PreparedStatement mark = db.prepareStatement("INSERT INTO stale_results (skill_name, user_id,"
                + " invalidated_at, cause_skill, reason) SELECT w.skill_name, w.user_id, z.updated_at,"
                + " 'user_time_zones', ? FROM skill_watermarks w JOIN (SELECT user_id, max(changed_at) AS updated_at"
                + " FROM (SELECT user_id, updated_at AS changed_at FROM user_time_zones UNION ALL"
                + " SELECT user_id, removed_at FROM user_time_zone_removals) c GROUP BY user_id) z"
                + " ON z.user_id = w.user_id WHERE w.skill_name = ? AND z.updated_at > w.updated_at"
                + " ON CONFLICT (skill_name, user_id) DO NOTHING")) {
            mark.setString(1, Cause.TIME_ZONE_CHANGED.id());
            mark.setString(2, skill.id());
            return mark.executeUpdate();
        }
    }

    /**
     * Marks stale the users of {@code skill} (one that reads a reference dataset) that it last computed before the
     * active load of that {@code kind} (reference_loads: admin, places) changed; returns how many. The change is the
     * latest switch of the active load: a load's time, or the time an earlier one was replaced (which is when a
     * reactivated load became active again). Their next incremental run recomputes them on the new load.
     */
    public static int markReferenceChanges(Connection db, Skill skill, String kind) throws SQLException {
        try (PreparedStatement mark = db.prepareStatement("INSERT INTO stale_results (skill_name, user_id,"
                + " invalidated_at, cause_skill, reason) SELECT w.skill_name, w.user_id, c.changed_at,"
                + " 'reference_loads', ? FROM skill_watermarks w, (SELECT greatest(max(loaded_at) FILTER (WHERE active),"
                + " max(deactivated_at)) AS changed_at FROM reference_loads WHERE kind = ?) c"
                + " WHERE w.skill_name = ? AND c.changed_at > w.updated_at"
                + " ON CONFLICT (skill_name, user_id) DO NOTHING")) {
            mark.setString(1, Cause.REFERENCE_CHANGED.id());
            mark.setString(2, kind);
            mark.setString(3, skill.id());
            return mark.executeUpdate();
        }
    }

    /** The database's clock: a full recompute notes it before it reads anything (see {@link #beforeSwap}). */
    public static Instant now(Connection db) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet row = query.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return Sql.instant(row, 1);
        }
    }

    /** When the skill's results for the user were marked stale, if they are. */
    public Optional<Instant> invalidatedAt(Connection db, String userId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT invalidated_at FROM stale_results"
                + " WHERE skill_name = ? AND user_id = ?")) {
            query.setString(1, skill.id());
            query.setString(2, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Sql.instant(row, 1)) : Optional.empty();
            }
        }
    }

    /**
     * A digest of the user's results whose time lies in {@code covered} (all of them for a table recomputed per user
     * as a whole): compared before and after a replacement.
     */
    public String digest(Connection db, String userId, TimeRange covered) throws SQLException {
        StringBuilder digests = new StringBuilder();
        for (ResultTable table : tables) {
            boolean timed = table.timeColumn() != null;
            try (PreparedStatement query = db.prepareStatement("SELECT " + ROWS_DIGEST + " FROM (SELECT "
                    + String.join(", ", table.columns()) + " FROM " + table.name() + " WHERE user_id = ? AND "
                    + (timed ? covered.condition(table.timeColumn()) : "true") + ") r")) {
                query.setString(1, userId);
                if (timed) {
                    covered.bind(query, 2);
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    digests.append(row.getString(1)).append(' ');
                }
            }
        }
        return digests.toString();
    }

    /**
     * Ends a replacement of the user's results in its transaction: marks everything downstream stale if the results
     * in {@code covered} differ from {@code before}, and clears the skill's own mark if the run saw one (a mark set
     * after the run had begun stays, with its newer time).
     */
    public void replaced(Connection db, String userId, TimeRange covered, String before, Cause cause,
                         Instant seenInvalidatedAt) throws SQLException {
        if (!digest(db, userId, covered).equals(before)) {
            invalidateDownstream(db, new String[] {userId}, cause);
        }
        if (seenInvalidatedAt != null) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM stale_results WHERE skill_name = ?"
                    + " AND user_id = ? AND invalidated_at = ?")) {
                delete.setString(1, skill.id());
                delete.setString(2, userId);
                delete.setObject(3, Sql.timestamp(seenInvalidatedAt));
                delete.executeUpdate();
            }
        }
    }

    /**
     * Before a full recompute swaps its staged results in (same transaction): marks downstream stale for each
     * recomputed user whose covered results (within {@code times}, up to the live watermark's last point) differ from
     * the staged ones, and, when the recompute covers all times, clears the skill's own marks that are older than the
     * run.
     */
    public void beforeSwap(Connection db, TimeRange times, Instant runStarted) throws SQLException {
        Set<String> changed = new TreeSet<>();
        for (ResultTable table : tables) {
            changed.addAll(changedUsers(db, table, times));
        }
        if (!changed.isEmpty()) {
            invalidateDownstream(db, changed.toArray(String[]::new), Cause.FULL_RECOMPUTE);
        }
        if (times.from() == null && times.to() == null) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM stale_results st USING "
                    + StagingTables.WATERMARKS + " s WHERE st.skill_name = ? AND s.skill_name = st.skill_name"
                    + " AND s.user_id = st.user_id AND st.invalidated_at < ?")) {
                delete.setString(1, skill.id());
                delete.setObject(2, Sql.timestamp(runStarted));
                delete.executeUpdate();
            }
        }
    }

    /**
     * The recomputed users whose rows of the table differ between live and staged, within the covered times: each
     * side digested per user in one pass (the staging copies have no index to look a user up by).
     */
    private List<String> changedUsers(Connection db, ResultTable table, TimeRange times) throws SQLException {
        String columns = String.join(", ", table.columns().stream().map(column -> "t." + column).toList());
        String time = table.timeColumn();
        String covered = time == null ? "true" : times.condition("t." + time) + " AND t." + time
                + " <= w.last_recorded_at";
        String recomputed = " JOIN " + StagingTables.WATERMARKS + " s ON s.skill_name = ? AND s.user_id = t.user_id"
                + " JOIN skill_watermarks w ON w.skill_name = s.skill_name AND w.user_id = s.user_id WHERE " + covered;
        String sql = "WITH live AS (SELECT r.user_id, " + ROWS_DIGEST + " AS digest FROM (SELECT " + columns
                + " FROM " + table.name() + " t" + recomputed + ") r GROUP BY r.user_id),"
                + " staged AS (SELECT r.user_id, " + ROWS_DIGEST + " AS digest FROM (SELECT " + columns + " FROM "
                + TableNames.STAGING.of(table) + " t" + recomputed + ") r GROUP BY r.user_id)"
                + " SELECT s.user_id FROM " + StagingTables.WATERMARKS + " s JOIN skill_watermarks w"
                + " ON w.skill_name = s.skill_name AND w.user_id = s.user_id"
                + " LEFT JOIN live ON live.user_id = s.user_id LEFT JOIN staged ON staged.user_id = s.user_id"
                + " WHERE s.skill_name = ? AND live.digest IS DISTINCT FROM staged.digest";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            int next = 1;
            for (int side = 0; side < 2; side++) {
                query.setString(next++, skill.id());
                next = time == null ? next : times.bind(query, next);
            }
            query.setString(next, skill.id());
            List<String> users = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    users.add(row.getString(1));
                }
            }
            return users;
        }
    }

    /**
     * Marks the results of every skill downstream that has results for the users (a watermark) stale, or refreshes
     * the mark's time and cause.
     */
    private void invalidateDownstream(Connection db, String[] userIds, Cause cause) throws SQLException {
        if (downstream.length == 0) {
            return;
        }
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO stale_results (skill_name, user_id,"
                + " invalidated_at, cause_skill, reason, task_uid) SELECT w.skill_name, w.user_id, clock_timestamp(),"
                + " ?, ?, ? FROM skill_watermarks w WHERE w.skill_name = ANY (?) AND w.user_id = ANY (?)"
                // Rows locked in one order: two runs marking overlapping rows do not deadlock on them.
                + " ORDER BY w.skill_name, w.user_id ON CONFLICT (skill_name, user_id) DO UPDATE SET"
                + " invalidated_at = excluded.invalidated_at, cause_skill = excluded.cause_skill,"
                + " reason = excluded.reason, task_uid = excluded.task_uid")) {
            upsert.setString(1, skill.id());
            upsert.setString(2, cause.id());
            upsert.setObject(3, taskUid);
            upsert.setArray(4, db.createArrayOf("text", downstream));
            upsert.setArray(5, db.createArrayOf("text", userIds));
            upsert.executeUpdate();
        }
    }
}
