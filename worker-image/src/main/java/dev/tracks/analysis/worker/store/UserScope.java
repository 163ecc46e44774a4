package dev.tracks.analysis.worker.store;

import java.util.List;

/**
 * The users and times a run covers: the task's scope (user ids, a time range from inclusive to exclusive) and the
 * pod's shard.
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

    /**
     * The condition that keeps this pod's shard of users. hashtext is PostgreSQL's stable string hash; the modulo of
     * its absolute value picks the shard.
     */
    String shardCondition(String userColumn) {
        return shardCount == 1 ? "true" : "abs(hashtext(" + userColumn + ")::bigint) % " + shardCount + " = "
                + shardIndex;
    }
}
