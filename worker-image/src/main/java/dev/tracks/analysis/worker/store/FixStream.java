package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.worker.track.Fixes;
import java.sql.SQLException;

/** One user's fixes, read in portions. */
public interface FixStream extends AutoCloseable {

    /** Appends up to {@code max} further fixes; returns how many (0 at the end). */
    int readInto(Fixes fixes, int max) throws SQLException;

    @Override
    void close() throws SQLException;
}
