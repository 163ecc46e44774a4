package dev.tracks.analysis.worker.mode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.evaluation.AnalysisChain;
import dev.tracks.analysis.worker.mode.Motion.TruthLeg;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recall per fine class on generated trips ({@link ModeTracks}) through the chain as the runtime runs it
 * (outlier_detection, then transport_mode on the clean fixes), each leg matched by trackintel's rule
 * ({@link ModeRecall}). The seeds are held out: the thresholds of {@link FineMode} and the segmentation were looked at
 * on seeds 1000-1039 only.
 */
class ModeRecallTest {

    private static final int SEEDS = 50;
    private static final double MIN_RECALL = 0.9;

    @Test
    void everyClassIsRecalledOnHeldOutSeeds() {
        Map<FineMode, Map<FineMode, Integer>> confusion = new EnumMap<>(FineMode.class);
        for (ModeTracks.Trip kind : ModeTracks.Trip.values()) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                ModeTracks.Track track = ModeTracks.trip(kind, seed);
                List<MovementSegment> segments = AnalysisChain.run(track.fixes()).segments();
                for (TruthLeg leg : track.legs()) {
                    confusion.computeIfAbsent(leg.mode(), mode -> new EnumMap<>(FineMode.class))
                            .merge(ModeRecall.predicted(leg, segments), 1, Integer::sum);
                }
            }
        }
        System.out.println("generated legs, truth -> predicted: " + confusion);
        for (FineMode mode : List.of(FineMode.WALK, FineMode.BICYCLE, FineMode.ROAD_VEHICLE, FineMode.RAIL,
                FineMode.AIRPLANE)) {
            Map<FineMode, Integer> row = confusion.get(mode);
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            double recall = row.getOrDefault(mode, 0) / (double) total;
            System.out.printf("recall %s %.3f of %d%n", mode, recall, total);
            assertThat(recall).as("recall of %s, predictions %s", mode, row).isGreaterThanOrEqualTo(MIN_RECALL);
        }
    }
}
