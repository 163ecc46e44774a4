package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run has to do, counted before the first batch (the old system's CountUnanalyzedPoints): per user in the
 * scope and shard, the points not analyzed yet and the earliest late point. A dry run reports only this.
 */
public final class PendingWork {

    /**
     * One user's share of a run.
     *
     * @param points the points to analyze: new ones for an incremental run, all in scope for a full recompute
     * @param earliestLate the earliest point that arrived after the skill had analyzed later ones, or null
     */
    public record UserWork(String userId, long points, Instant earliestLate) {
    }

    private PendingWork() {
    }

    /**
     * Users are split into shards by a hash of their id, so that the pods of an Indexed Job each take every
     * {@code shardCount}-th user and together cover each exactly once.
     */
    /** @param cleanOnly count only fixes that outlier detection did not flag (what the skill reads) */
    public static List<UserWork> count(Connection db, Skill skill, UserScope scope, boolean incremental,
                                       boolean cleanOnly) throws SQLException {
        String newPoint = incremental ? "(w.user_id IS NULL OR p.recorded_at > w.last_recorded_at)" : "true";
        String latePoint = incremental
                ? "w.user_id IS NOT NULL AND p.recorded_at <= w.last_recorded_at AND p.id > w.last_point_id" : "false";
        String sql = "SELECT p.user_id, count(*) FILTER (WHERE " + newPoint + "), min(p.recorded_at) FILTER (WHERE "
                + latePoint + ") FROM track_points p LEFT JOIN skill_watermarks w ON w.skill_name = ? AND"
                + " w.user_id = p.user_id WHERE NOT p.is_synthetic AND " + scope.condition("p")
                + (cleanOnly ? " AND NOT EXISTS (SELECT 1 FROM point_flags f WHERE f.point_id = p.id)" : "")
                + " GROUP BY p.user_id HAVING count(*) FILTER (WHERE " + newPoint + ") > 0 OR"
                + " count(*) FILTER (WHERE " + latePoint + ") > 0 ORDER BY p.user_id";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, skill.id());
            scope.bind(query, 2);
            List<UserWork> work = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    work.add(new UserWork(row.getString(1), row.getLong(2), Sql.instant(row, 3)));
                }
            }
            return work;
        }
    }
}
