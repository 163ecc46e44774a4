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
 * scope and shard, the points not analyzed yet and the earliest late point (the schema's function pending_points,
 * which the admin API uses too). A dry run reports only this.
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
    /**
     * @param cleanOnly count only fixes that outlier detection did not flag (what the skill reads)
     * @param paramsHash the run's parameters: a user whose results were computed with others counts all points
     */
    public static List<UserWork> count(Connection db, Skill skill, UserScope scope, boolean incremental,
                                       boolean cleanOnly, String paramsHash) throws SQLException {
        String sql = "SELECT user_id, points, earliest_late FROM pending_points(?, ?, ?, ?, ?, ?, ?) WHERE "
                + scope.shardCondition("user_id") + " ORDER BY user_id";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, skill.id());
            query.setBoolean(2, incremental);
            query.setBoolean(3, cleanOnly);
            query.setArray(4, scope.userIds().isEmpty() ? null : db.createArrayOf("text", scope.userIds().toArray()));
            query.setObject(5, Sql.timestamp(scope.times().from()));
            query.setObject(6, Sql.timestamp(scope.times().to()));
            query.setString(7, paramsHash);
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
