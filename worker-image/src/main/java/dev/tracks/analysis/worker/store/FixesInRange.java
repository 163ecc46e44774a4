package dev.tracks.analysis.worker.store;

import dev.tracks.analysis.worker.track.Fixes;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.LongPredicate;

/** A user's fixes held in memory, in time order, read within a range and without the flagged ones. */
final class FixesInRange implements FixStream {

    private final Fixes all;
    private final long[] flagged;
    private final int end;
    private int next;

    /** @param flagged the ids to leave out, sorted */
    FixesInRange(Fixes all, TimeRange range, long[] flagged) {
        this.all = all;
        this.flagged = flagged;
        this.next = first(all, range);
        this.end = end(all, range);
    }

    @Override
    public int readInto(Fixes fixes, int max) {
        int read = 0;
        while (read < max && next < end) {
            if (flagged.length == 0 || Arrays.binarySearch(flagged, all.id(next)) < 0) {
                fixes.add(all, next);
                read++;
            }
            next++;
        }
        return read;
    }

    /** The index of the first fix not before the range (times are in order: a binary search). */
    static int first(Fixes all, TimeRange range) {
        return firstWhere(all, time -> !beforeRange(time, range));
    }

    /** The index after the last fix in the range. */
    static int end(Fixes all, TimeRange range) {
        return firstWhere(all, time -> afterRange(time, range));
    }

    private static int firstWhere(Fixes all, LongPredicate reached) {
        int low = 0;
        int high = all.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (reached.test(all.time(middle))) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** Compared as instants, so a bound finer than a millisecond is honoured as the database honours it. */
    private static boolean beforeRange(long millis, TimeRange range) {
        Instant time = Instant.ofEpochMilli(millis);
        return range.from() != null
                && (range.fromInclusive() ? time.isBefore(range.from()) : !time.isAfter(range.from()));
    }

    private static boolean afterRange(long millis, TimeRange range) {
        Instant time = Instant.ofEpochMilli(millis);
        return range.to() != null && (range.toInclusive() ? time.isAfter(range.to()) : !time.isBefore(range.to()));
    }

    @Override
    public void close() {
        // nothing held but memory
    }
}
