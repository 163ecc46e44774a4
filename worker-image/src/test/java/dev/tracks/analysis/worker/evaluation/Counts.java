package dev.tracks.analysis.worker.evaluation;

import dev.tracks.analysis.worker.mode.FineMode;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.outlier.OutlierFlag;
import dev.tracks.analysis.worker.outlier.OutlierReason;
import java.util.List;

/** Tallies of the chain's results by category, as arrays indexed by enum ordinal. */
final class Counts {

    private Counts() {
    }

    static long[] byReason(List<OutlierFlag> flags) {
        long[] counts = new long[OutlierReason.values().length];
        for (OutlierFlag flag : flags) {
            counts[flag.reason().ordinal()]++;
        }
        return counts;
    }

    static long[] segmentsByMode(List<MovementSegment> segments) {
        long[] counts = new long[FineMode.values().length];
        for (MovementSegment segment : segments) {
            counts[segment.fine().ordinal()]++;
        }
        return counts;
    }

    static double[] hoursByMode(List<MovementSegment> segments) {
        double[] hours = new double[FineMode.values().length];
        for (MovementSegment segment : segments) {
            hours[segment.fine().ordinal()] += segment.durationMillis() / 3.6e6;
        }
        return hours;
    }

    /** The non-zero reasons, e.g. {@code (JUMP 3, DRIFT 1)}; {@code ()} when there are none. */
    static String reasons(long[] counts) {
        StringBuilder text = new StringBuilder("(");
        for (OutlierReason reason : OutlierReason.values()) {
            if (counts[reason.ordinal()] > 0) {
                text.append(text.length() > 1 ? ", " : "").append(reason).append(' ').append(counts[reason.ordinal()]);
            }
        }
        return text.append(')').toString();
    }
}
