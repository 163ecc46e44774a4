package dev.tracks.analysis.worker.stay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link StreamResult}-shaped analysis as the runtime does: fixes arrive in chunks, each call sees the fixes
 * from the previous {@code contextIndex} on plus the new chunk, and {@code from} is the previous
 * {@code resumeIndex - contextIndex}. Checks the contract on every call and returns all finals followed by the last
 * call's provisional results, which must equal one call's finals and provisional results over all fixes.
 */
public final class ChunkedRun {

    /** An analysis of one user's fixes from fix {@code from} on. */
    @FunctionalInterface
    public interface Analysis<R> {
        StreamResult<R> analyze(Fixes fixes, int from);
    }

    private ChunkedRun() {
    }

    /** Finals then provisional results of one call over all fixes. */
    public static <R> List<R> whole(Fixes all, Analysis<R> analysis) {
        StreamResult<R> result = analysis.analyze(all, 0);
        List<R> results = new ArrayList<>(result.finals());
        results.addAll(result.provisional());
        return results;
    }

    /** Finals of all calls, then the last call's provisional results, feeding the fixes cut before each index. */
    public static <R> List<R> inChunks(Fixes all, int[] cuts, Analysis<R> analysis) {
        Fixes buffer = new Fixes();
        List<R> results = new ArrayList<>();
        StreamResult<R> last = null;
        int from = 0;
        int next = 0;
        for (int c = 0; c <= cuts.length; c++) {
            int end = c < cuts.length ? Math.min(cuts[c], all.size()) : all.size();
            while (next < end) {
                buffer.add(all, next++);
            }
            last = analysis.analyze(buffer, from);
            checkContract(buffer, from, last);
            results.addAll(last.finals());
            buffer.dropBefore(last.contextIndex());
            from = last.resumeIndex() - last.contextIndex();
        }
        results.addAll(last.provisional());
        return results;
    }

    private static void checkContract(Fixes buffer, int from, StreamResult<?> result) {
        int resume = result.resumeIndex();
        assertThat(resume).isBetween(Math.min(from, buffer.size()), buffer.size());
        assertThat(result.contextIndex()).isBetween(0, resume);
        if (resume > 0 && resume < buffer.size()) {
            assertThat(buffer.time(resume - 1)).as("resumeIndex inside a group of equal times")
                    .isLessThan(buffer.time(resume));
        }
    }
}
