package dev.tracks.analysis.worker.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a run reads each user's fixes: the database, or fixes remembered from an earlier run. */
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
}
