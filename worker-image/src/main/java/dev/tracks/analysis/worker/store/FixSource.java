package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.skill.Skill;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a run reads each user's fixes and counts its work: the database, fixes remembered from an earlier run, or
 * fixes that are held in memory only ({@link MemoryFixes}).
 */
@FunctionalInterface
public interface FixSource {

    /** The database, through a cursor per user. */
    FixSource DATABASE = PointReader::new;

    /**
     * A user's fixes in {@code range}, in (recorded_at, id) order, without synthetic fixes.
     *
     * @param cleanOnly without the fixes that outlier detection flagged
     * @param fetchSize how many rows a database cursor fetches at a time
     */
    FixStream open(Connection readDb, String userId, TimeRange range, boolean cleanOnly, int fetchSize)
            throws SQLException;

    /** What a run of {@code skill} has to do, per user in user order, as {@link PendingWork#count} defines it. */
    default List<PendingWork.UserWork> pendingWork(Connection readDb, Skill skill, UserScope scope,
                                                   boolean incremental, boolean cleanOnly, String paramsHash)
            throws SQLException {
        return PendingWork.count(readDb, skill, scope, incremental, cleanOnly, paramsHash);
    }
}
