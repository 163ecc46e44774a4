package dev.tracks.analysis.worker.stay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast loop makes the same windows as a literal transcription of trackintel's loop (haversine per pair). */
class StayDetectionReferenceTest {

    /** {start index, closing index} of each stay, as trackintel's {@code _generate_staypoints_sliding_user} finds. */
    private static List<long[]> trackintelWindows(Fixes fixes, StayParameters parameters) {
        double gapMillis = parameters.gapThresholdMinutes() * 60_000;
        double timeMillis = parameters.timeThresholdMinutes() * 60_000;
        List<long[]> windows = new ArrayList<>();
        int start = 0;
        for (int curr = 1; curr < fixes.size(); curr++) {
            if (fixes.time(curr) - fixes.time(curr - 1) > gapMillis) {
                start = curr;
                continue;
            }
            double distance = Geodesy.distanceMeters(fixes.lat(start), fixes.lon(start), fixes.lat(curr),
                    fixes.lon(curr));
            if (distance >= parameters.distThresholdMeters()) {
                if (fixes.time(curr) - fixes.time(start) >= timeMillis) {
                    windows.add(new long[] {fixes.id(start), fixes.id(curr - 1), fixes.time(curr), curr - start});
                }
                start = curr;
            }
        }
        return windows;
    }

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
                        .containsExactlyElementsOf(trackintelWindows(fixes, parameters));
            }
        }
    }
}
