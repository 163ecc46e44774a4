package dev.tracks.analysis.worker.stay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast loop makes the same windows as a literal transcription of trackintel's loop (haversine per pair). */
class StayDetectionReferenceTest {

    @Test
    void findsTheSameStaysAsTrackintelsLoopWithoutEqualTimes() {
        for (long seed = 1; seed <= 5; seed++) {
            Fixes fixes = StayDetectionStreamingTest.randomDay(seed);
            for (StayParameters parameters : List.of(SkillParams.defaults(StayParameters.class),
                    new StayParameters(30, 2, 5, false), new StayParameters(500, 20, 60, false))) {
                List<long[]> found = new ArrayList<>();
                for (Stay stay : StayDetection.detectStays(fixes, 0, parameters).finals()) {
                    found.add(new long[] {stay.firstFixId(), stay.lastFixId(), stay.endMillis(), stay.fixCount()});
                }
                assertThat(found).as("seed %d, %s", seed, parameters)
                        .containsExactlyElementsOf(TrackintelSliding.windows(fixes, parameters));
            }
        }
    }
}
