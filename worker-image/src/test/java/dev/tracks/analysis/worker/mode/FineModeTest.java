package dev.tracks.analysis.worker.mode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fine class rules, including what the evaluation on real traces taught (docs/evaluation.md). */
class FineModeTest {

    @Test
    void sustainedSpeedsDecide() {
        assertThat(FineMode.of(4.8, 6.1)).isEqualTo(FineMode.WALK);
        assertThat(FineMode.of(17, 28)).isEqualTo(FineMode.BICYCLE);
        assertThat(FineMode.of(45, 70)).isEqualTo(FineMode.ROAD_VEHICLE);
        assertThat(FineMode.of(120, 130)).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(60, 150)).isEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(780, 860)).isEqualTo(FineMode.AIRPLANE);
        assertThat(FineMode.of(Double.NaN, Double.NaN)).isEqualTo(FineMode.UNKNOWN);
    }

    @Test
    void aSpikeInTheHighPercentileAloneMakesNoTrainOrPlane() {
        // GeoLife user 002: a 1.3 km GPS spike after a signal gap inside a slow segment.
        assertThat(FineMode.of(7.8, 1244)).isNotIn(FineMode.AIRPLANE, FineMode.RAIL);
        assertThat(FineMode.of(22.6, 150)).isNotEqualTo(FineMode.RAIL);
        assertThat(FineMode.of(3.1, 141)).isNotEqualTo(FineMode.RAIL);
    }
}
