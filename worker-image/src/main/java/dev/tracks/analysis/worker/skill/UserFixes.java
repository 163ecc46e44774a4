package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.worker.store.FixStream;
import dev.tracks.analysis.worker.track.Fixes;
import java.sql.SQLException;

/**
 * One user's fixes as the run reads them for a {@link UserFixesSkill}: in time order, up to what the skill's
 * dependencies analyzed, clean or all as the task's {@code fixes} parameter says, from wherever the run keeps them (the
 * database, or memory in {@code analyze}). {@link #forEach} keeps one portion in memory; {@link #all} the whole user.
 */
@FunctionalInterface
public interface UserFixes {

    /** Fixes read per portion by {@link #forEach}: a user's fixes never sit in memory whole. */
    int PORTION = 1 << 14;

    /** Takes one fix. */
    @FunctionalInterface
    interface FixConsumer {
        void accept(long epochMillis, double lat, double lon);
    }

    /** Opens the user's fixes from the first; the caller closes the stream. */
    FixStream open() throws SQLException;

    /** Passes each of the user's fixes, in time order, to {@code consumer}. */
    default void forEach(FixConsumer consumer) throws SQLException {
        Fixes portion = new Fixes(PORTION);
        try (FixStream stream = open()) {
            while (stream.readInto(portion, PORTION) > 0) {
                for (int i = 0; i < portion.size(); i++) {
                    consumer.accept(portion.time(i), portion.lat(i), portion.lon(i));
                }
                portion.dropBefore(portion.size());
            }
        }
    }

    /** All of the user's fixes at once, with every column: for results over all of them (quantiles, maxima). */
    default Fixes all() throws SQLException {
        Fixes fixes = new Fixes(PORTION);
        try (FixStream stream = open()) {
            while (stream.readInto(fixes, PORTION) > 0) {
                // read to the end
            }
        }
        return fixes;
    }
}
