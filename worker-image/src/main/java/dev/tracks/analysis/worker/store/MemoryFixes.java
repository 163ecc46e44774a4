package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every user's fixes, held in memory only, in (recorded_at, id) order with the ids track_points would have given them:
 * the fixes of a database that holds nothing but one run (analyze's embedded PostgreSQL), which never go into
 * track_points. Runs read the fixes and count their work here, several at a time on their own threads if they take
 * shards of the users; the flags of outlier detection, the watermarks and every result are in the database as usual.
 */
public final class MemoryFixes implements FixSource {

    private static final Watermarks WATERMARKS = new Watermarks("skill_watermarks");

    private final Map<String, Fixes> users;
    /**
     * The flagged fixes by user, read once when a run that reads clean fixes counts its work, for the rest of that
     * run: only outlier detection writes flags, and it reads every fix. Null outside such a run.
     */
    private volatile Map<String, Flags> runFlags;

    /** One user's flagged fixes: distinct ids in order, with their recorded times. */
    private record Flags(long[] ids, Instant[] times) {

        static final Flags NONE = new Flags(new long[0], new Instant[0]);

        long countWithin(TimeRange range) {
            return Arrays.stream(times).filter(range::contains).count();
        }
    }

    /** @param users each user's fixes in (time, id) order */
    public MemoryFixes(Map<String, Fixes> users) {
        this.users = new TreeMap<>(users);
    }

    /** All fixes held. */
    public long size() {
        return users.values().stream().mapToLong(Fixes::size).sum();
    }

    @Override
    public FixStream open(Connection readDb, String userId, TimeRange range, boolean cleanOnly, int fetchSize)
            throws SQLException {
        // All of the user's flags serve for any range: a fix in the range has its flags' time.
        Map<String, Flags> flags = runFlags;
        long[] flagged = !cleanOnly ? new long[0] : flags != null
                ? flags.getOrDefault(userId, Flags.NONE).ids() : PointReader.flaggedIds(readDb, userId, range);
        return new FixesInRange(users.getOrDefault(userId, new Fixes(0)), range, flagged);
    }

    /**
     * The schema's pending_points over these fixes, user by user: the fixes after the skill's watermark within the
     * scope's times (less the flagged ones when the skill reads clean fixes), and the earliest fix that arrived after
     * the watermark but was recorded before it.
     */
    @Override
    public List<PendingWork.UserWork> pendingWork(Connection readDb, Skill skill, UserScope scope, boolean incremental,
                                                  boolean cleanOnly, String paramsHash) throws SQLException {
        Map<String, Flags> flagsNow = cleanOnly ? allFlags(readDb) : null;
        runFlags = flagsNow;
        Map<String, Integer> shards = shards(scope.shardCount());
        Set<String> stale = incremental ? staleUsers(readDb, skill) : Set.of();
        List<PendingWork.UserWork> work = new ArrayList<>();
        for (String userId : scope.userIds().isEmpty() ? users.keySet() : new TreeSet<>(scope.userIds())) {
            if (shards.getOrDefault(userId, 0) != scope.shardIndex()) {
                continue;
            }
            Fixes fixes = users.getOrDefault(userId, new Fixes(0));
            Watermark mark = incremental ? WATERMARKS.find(readDb, skill, userId).orElse(null) : null;
            if (mark != null && (paramsHash != null && mark.computedWithOther(paramsHash) || stale.contains(userId))) {
                // Results of other parameters, or built on inputs that changed since, cover nothing (V26).
                mark = null;
            }
            TimeRange fresh = freshRange(scope.times(), mark);
            // Flags are of these fixes (outlier detection flags what it reads), none of them synthetic.
            Flags flags = cleanOnly ? flagsNow.getOrDefault(userId, Flags.NONE) : Flags.NONE;
            long points = FixesInRange.end(fixes, fresh) - FixesInRange.first(fixes, fresh) - flags.countWithin(fresh);
            Instant earliestLate = mark == null ? null : earliestLate(fixes, mark, scope.times(), flags.ids());
            if (points > 0 || earliestLate != null) {
                work.add(new PendingWork.UserWork(userId, points, earliestLate));
            }
        }
        return work;
    }

    /**
     * The shard of each user, for the threads of one process (no other process sees these fixes, so the split need
     * not be the database's): about equal fixes per shard, the largest users first, each to the shard that has the
     * fewest fixes so far. Users without fixes are in shard 0.
     */
    private Map<String, Integer> shards(int shardCount) {
        Map<String, Integer> shards = new TreeMap<>();
        long[] load = new long[shardCount];
        users.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Fixes> user) -> -user.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(user -> {
                    int lightest = 0;
                    for (int shard = 1; shard < shardCount; shard++) {
                        lightest = load[shard] < load[lightest] ? shard : lightest;
                    }
                    load[lightest] += user.getValue().size();
                    shards.put(user.getKey(), lightest);
                });
        return shards;
    }

    /** The users whose results of the skill are stale (stale_results, V26). */
    private static Set<String> staleUsers(Connection readDb, Skill skill) throws SQLException {
        Set<String> users = new HashSet<>();
        try (PreparedStatement query = readDb.prepareStatement(
                "SELECT user_id FROM stale_results WHERE skill_name = ?")) {
            query.setString(1, skill.id());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    users.add(row.getString(1));
                }
            }
        }
        return users;
    }

    /** Every flagged fix by user, in one query rather than one per user. */
    private static Map<String, Flags> allFlags(Connection readDb) throws SQLException {
        Map<String, List<Object[]>> byUser = new TreeMap<>();
        try (PreparedStatement query = readDb.prepareStatement("SELECT user_id, point_id, min(recorded_at)"
                + " FROM point_flags GROUP BY user_id, point_id ORDER BY user_id, point_id");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                byUser.computeIfAbsent(row.getString(1), user -> new ArrayList<>())
                        .add(new Object[] {row.getLong(2), Sql.instant(row, 3)});
            }
        }
        Map<String, Flags> flags = new TreeMap<>();
        byUser.forEach((user, rows) -> flags.put(user, new Flags(rows.stream().mapToLong(r -> (Long) r[0]).toArray(),
                rows.stream().map(r -> (Instant) r[1]).toArray(Instant[]::new))));
        return flags;
    }

    /** After the watermark's time (exclusive) and from the scope's start (inclusive), before the scope's end. */
    private static TimeRange freshRange(TimeRange scope, Watermark mark) {
        TimeRange fromScope = new TimeRange(scope.from(), true, scope.to(), false);
        Instant last = mark == null ? null : mark.lastRecordedAt();
        if (last == null || (scope.from() != null && last.isBefore(scope.from()))) {
            return fromScope;
        }
        return fromScope.after(last);
    }

    private static Instant earliestLate(Fixes fixes, Watermark mark, TimeRange scope, long[] flagged) {
        TimeRange recorded = new TimeRange(scope.from(), true, scope.to(), false);
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < fixes.size(); i++) {
            Instant time = Instant.ofEpochMilli(fixes.time(i));
            if (fixes.id(i) > mark.lastPointId() && !time.isAfter(mark.lastRecordedAt()) && recorded.contains(time)
                    && Arrays.binarySearch(flagged, fixes.id(i)) < 0) {
                earliest = Math.min(earliest, fixes.time(i));
            }
        }
        return earliest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(earliest);
    }
}
