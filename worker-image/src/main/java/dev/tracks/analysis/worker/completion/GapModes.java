package dev.tracks.analysis.worker.completion;

import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.ModeInterval;
import java.util.List;

/**
 * The fine modes of transport_mode's movement segments by time: what lies on either side of a gap. A gap of up to
 * 15 min lies inside one segment (transport_mode bridges it); a longer one ends the segment before it at its first fix
 * and starts the next at its last fix. A longer gap whose displacement implies a ride (a subway without signal) is a
 * segment of its own from its first to its last fix; the segments on either side still end and start at those fixes.
 */
final class GapModes {

    static final GapModes NONE = new GapModes(List.of());

    private final long[] starts;
    private final long[] ends;
    private final FineMode[] modes;

    /** @param segments in time order, not overlapping but at their boundary fixes */
    GapModes(List<ModeInterval> segments) {
        starts = segments.stream().mapToLong(ModeInterval::startMillis).toArray();
        ends = segments.stream().mapToLong(ModeInterval::endMillis).toArray();
        modes = segments.stream().map(ModeInterval::fine).toArray(FineMode[]::new);
    }

    /** The mode of the segment that reaches {@code millis} from before (the one a gap starting there ends), or null. */
    FineMode endingAt(long millis) {
        int k = lastStartingBefore(millis, false);
        return k >= 0 && ends[k] >= millis ? modes[k] : null;
    }

    /** The mode of the segment that goes on from {@code millis} (the one a gap ending there starts), or null. */
    FineMode startingAt(long millis) {
        int k = lastStartingBefore(millis, true);
        return k >= 0 && ends[k] >= millis ? modes[k] : null;
    }

    /** The last segment starting before {@code millis} (or at it, if {@code inclusive}), -1 if none. */
    private int lastStartingBefore(long millis, boolean inclusive) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] < millis || (inclusive && starts[middle] == millis)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low - 1;
    }
}
