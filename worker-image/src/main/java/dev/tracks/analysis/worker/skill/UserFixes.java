package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.store.FixStream;
import java.sql.SQLException;

/**
 * One user's fixes as the run reads them for a {@link UserSkill}: all of them in time order, clean or all as the
 * task's {@code fixes} parameter says, from wherever the run keeps them (the database, or memory in {@code analyze}).
 */
@FunctionalInterface
public interface UserFixes {

    /** Opens the user's fixes from the first; the caller closes the stream. */
    FixStream open() throws SQLException;
}
