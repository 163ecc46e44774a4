package dev.tracks.analysis.worker.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The users and times a run covers: the task's scope (user ids, a time range) and the pod's shard.
 *
 * @param userIds empty for all users
 * @param shardIndex this pod's shard, 0-based (JOB_COMPLETION_INDEX)
 */
public record UserScope(List<String> userIds, TimeRange times, int shardIndex, int shardCount) {

    public UserScope {
        userIds = List.copyOf(userIds);
        if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
            throw new IllegalArgumentException("shard " + shardIndex + " of " + shardCount);
        }
    }

    public static UserScope all() {
        return new UserScope(List.of(), TimeRange.ALL, 0, 1);
    }

    /** The condition on the points table aliased {@code alias}; bind with {@link #bind}. */
    String condition(String alias) {
        String sql = times.condition(alias + ".recorded_at");
        if (!userIds.isEmpty()) {
            sql += " AND " + alias + ".user_id = ANY (?)";
        }
        if (shardCount > 1) {
            // hashtext is PostgreSQL's stable string hash; the modulo of its absolute value picks the shard.
            sql += " AND abs(hashtext(" + alias + ".user_id)::bigint) % " + shardCount + " = " + shardIndex;
        }
        return sql;
    }

    int bind(PreparedStatement statement, int index) throws SQLException {
        int next = times.bind(statement, index);
        if (!userIds.isEmpty()) {
            statement.setArray(next++, statement.getConnection().createArrayOf("text", userIds.toArray()));
        }
        return next;
    }
}
