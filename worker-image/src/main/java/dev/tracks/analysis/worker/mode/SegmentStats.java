package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.track.Fixes;
import java.util.Arrays;

/**
 * Builds the {@link MovementSegment} of a fix range: length, {@link SegmentFeatures} (speeds are the windowed speeds
 * of {@link StepProfile#windowKmh}) and the two classes.
 */
final class SegmentStats {

    private SegmentStats() {
    }

    /** The segment of fixes {@code first..last} (inclusive, {@code first < last}, no gap inside). */
    static MovementSegment segment(Fixes fixes, StepProfile profile, int first, int last, TransportModeParams params,
                                   ModeNetwork network) {
        double[] speeds = new double[last - first];
        int count = 0;
        double length = 0;
        for (int j = first + 1; j <= last; j++) {
            length += profile.stepMeters[j];
            if (!Double.isNaN(profile.windowKmh[j])) {
                speeds[count++] = profile.windowKmh[j];
            }
        }
        Arrays.sort(speeds, 0, count);
        SegmentFeatures features = Features.of(fixes, profile, first, last, speeds, count);
        FineMode motion = FineMode.of(features);
        FineMode fine = motion == FineMode.RAIL || motion == FineMode.ROAD_VEHICLE
                ? FineMode.of(features, network.evidence(fixes, first, last, Features.stopMiddles(profile, first, last)))
                : motion;
        return new MovementSegment(fixes.time(first), fixes.time(last), fixes.id(first), fixes.id(last),
                last - first + 1, length, features, CoarseMode.of(features.medianKmh(), params), fine);
    }

    /** The q-quantile of the first {@code count} sorted values, interpolated linearly as numpy; NaN if none. */
    static double quantile(double[] sorted, int count, double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double position = q * (count - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
