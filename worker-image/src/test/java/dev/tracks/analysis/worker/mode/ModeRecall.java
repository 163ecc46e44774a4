package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.mode.Motion.TruthLeg;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Matches generated legs with the predicted segments by trackintel's rule ({@code geolife_add_modes_to_triplegs}): a
 * leg takes the predicted mode with the largest time overlap if that overlap covers at least half of the leg.
 */
final class ModeRecall {

    static final double MIN_OVERLAP_SHARE = 0.5;

    private ModeRecall() {
    }

    /** The mode the segments give the leg, or {@link FineMode#UNKNOWN} if none covers half of it. */
    static FineMode predicted(TruthLeg leg, List<MovementSegment> segments) {
        Map<FineMode, Long> overlap = new EnumMap<>(FineMode.class);
        for (MovementSegment segment : segments) {
            long shared = Math.min(leg.endMillis(), segment.endMillis())
                    - Math.max(leg.startMillis(), segment.startMillis());
            if (shared > 0) {
                overlap.merge(segment.fine(), shared, Long::sum);
            }
        }
        long duration = Math.max(1, leg.endMillis() - leg.startMillis());
        return overlap.entrySet().stream().filter(e -> e.getValue() >= MIN_OVERLAP_SHARE * duration)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(FineMode.UNKNOWN);
    }
}
