package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.worker.track.Fixes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixes remembered across the runs of a chain over fixes that do not change meanwhile (the analyze command imports,
 * then runs each skill): the first run that reads a user reads all of the user's fixes from the database, and later
 * runs take them from memory, so the chain reads each fix once instead of once per skill. Flags are read per run,
 * since outlier detection writes them between runs. At most {@code budget} fixes are held (the user that crosses it
 * is still kept); users beyond are read from the database each time, as are users with times finer than a
 * millisecond, which {@link Fixes} would round.
 */
public final class RememberedFixes implements FixSource {

    /** Bytes a remembered fix takes: an id, a time and four doubles. */
    public static final int BYTES_PER_FIX = 48;

    private final long budget;
    private final Map<String, Fixes> users = new HashMap<>();
    private long held;

    /** @param budget the most fixes to hold */
    public RememberedFixes(long budget) {
        this.budget = budget;
    }

    /** A budget of a quarter of the heap the JVM may use. */
    public static RememberedFixes withinHeap() {
        return new RememberedFixes(Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_FIX);
    }

    @Override
    public FixStream open(Connection readDb, String userId, TimeRange range, boolean cleanOnly, int fetchSize)
            throws SQLException {
        Fixes all = users.get(userId);
        if (all == null && held < budget) {
            all = readAll(readDb, userId, fetchSize);
            if (all != null) {
                users.put(userId, all);
                held += all.size();
            }
        }
        if (all == null) {
            return new PointReader(readDb, userId, range, cleanOnly, fetchSize);
        }
        return new FixesInRange(all, range, cleanOnly ? PointReader.flaggedIds(readDb, userId, range) : new long[0]);
    }

    /** Every fix of the user, or null if a time is finer than a millisecond. */
    private static Fixes readAll(Connection readDb, String userId, int fetchSize) throws SQLException {
        Fixes all = new Fixes(Math.min(fetchSize, 1 << 16));
        try (PointReader reader = new PointReader(readDb, userId, TimeRange.ALL, false, fetchSize)) {
            while (reader.readInto(all, fetchSize) > 0) {
                // read to the end
            }
            return reader.finerThanMilliseconds() ? null : all.slice(0, all.size());
        }
    }
}
