package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every user's fixes, held in memory only, in (recorded_at, id) order with the ids track_points would have given them:
 * the fixes of a database that holds nothing but one run (analyze's embedded PostgreSQL), which never go into
 * track_points. Runs read the fixes and count their work here; the flags of outlier detection, the watermarks and
 * every result are in the database as usual.
 */
public final class MemoryFixes implements FixSource {

    private static final Watermarks WATERMARKS = new Watermarks("skill_watermarks");

    private final Map<String, Fixes> users;

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
        return new FixesInRange(users.getOrDefault(userId, new Fixes(0)), range,
                cleanOnly ? PointReader.flaggedIds(readDb, userId, range) : new long[0]);
    }

    /**
     * The schema's pending_points over these fixes, user by user: the fixes after the skill's watermark within the
     * scope's times (less the flagged ones when the skill reads clean fixes), and the earliest fix that arrived after
     * the watermark but was recorded before it.
     */
    @Override
    public List<PendingWork.UserWork> pendingWork(Connection readDb, Skill skill, UserScope scope, boolean incremental,
                                                  boolean cleanOnly) throws SQLException {
        if (scope.shardCount() != 1) {
            throw new IllegalArgumentException("fixes held in memory belong to one process: no shards");
        }
        List<PendingWork.UserWork> work = new ArrayList<>();
        for (String userId : scope.userIds().isEmpty() ? users.keySet() : new TreeSet<>(scope.userIds())) {
            Fixes fixes = users.getOrDefault(userId, new Fixes(0));
            Watermark mark = incremental ? WATERMARKS.find(readDb, skill, userId).orElse(null) : null;
            TimeRange fresh = freshRange(scope.times(), mark);
            // Flags are of these fixes (outlier detection flags what it reads), none of them synthetic.
            long points = FixesInRange.end(fixes, fresh) - FixesInRange.first(fixes, fresh)
                    - (cleanOnly ? PointReader.flaggedIds(readDb, userId, fresh).length : 0);
            Instant earliestLate = mark == null ? null : earliestLate(fixes, mark, scope.times(),
                    cleanOnly ? PointReader.flaggedIds(readDb, userId, TimeRange.ALL) : new long[0]);
            if (points > 0 || earliestLate != null) {
                work.add(new PendingWork.UserWork(userId, points, earliestLate));
            }
        }
        return work;
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
