package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link TransportMode} as the runtime does: in chunks, carrying fixes over from each call's contextIndex. */
final class ChunkedSegments {

    private ChunkedSegments() {
    }

    /** Finals of all calls, then the last call's provisionals, with the fixes cut before each index of {@code cuts}. */
    static List<MovementSegment> run(Fixes all, int[] cuts, TransportModeParams params) {
        List<MovementSegment> results = new ArrayList<>();
        Fixes carried = new Fixes();
        int from = 0;
        int next = 0;
        StreamResult<MovementSegment> last = null;
        for (int c = 0; c <= cuts.length; c++) {
            int end = c < cuts.length ? cuts[c] : all.size();
            while (next < end) {
                carried.add(all, next++);
            }
            last = TransportMode.segments(carried, from, params);
            results.addAll(last.finals());
            carried.dropBefore(last.contextIndex());
            from = last.resumeIndex() - last.contextIndex();
        }
        results.addAll(last.provisional());
        return results;
    }

    /** One call over all fixes: finals then provisionals. */
    static List<MovementSegment> whole(Fixes all, TransportModeParams params) {
        StreamResult<MovementSegment> result = TransportMode.segments(all, 0, params);
        List<MovementSegment> results = new ArrayList<>(result.finals());
        results.addAll(result.provisional());
        return results;
    }
}
