package dev.tracks.analysis.worker.outlier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.ChunkedRun;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Feeding fixes in chunks gives the same flags as one call, on a day full of outliers of every kind. */
class OutlierDetectionStreamingTest {

    private static final ChunkedRun.Analysis<OutlierFlag> DEFAULTS =
            (fixes, from) -> OutlierDetection.detectOutliers(fixes, from, SkillParams.defaults(OutlierParameters.class));

    @Test
    void chunkedRunsGiveTheSameFlagsAsOneRun() {
        Fixes fixes = noisyDay(new Random(31));
        List<OutlierFlag> whole = ChunkedRun.whole(fixes, DEFAULTS);
        Set<OutlierReason> reasons = whole.stream().map(OutlierFlag::reason).collect(Collectors.toSet());
        assertThat(reasons).isEqualTo(EnumSet.allOf(OutlierReason.class));

        Random random = new Random(6);
        for (int run = 0; run < 20; run++) {
            int[] cuts = random.ints(1 + random.nextInt(40), 0, fixes.size()).sorted().toArray();
            assertThat(ChunkedRun.inChunks(fixes, cuts, DEFAULTS)).as("cuts %s", Arrays.toString(cuts))
                    .isEqualTo(whole);
        }
        int[] everyFix = IntStream.range(1, fixes.size()).toArray();
        assertThat(ChunkedRun.inChunks(fixes, everyFix, DEFAULTS)).isEqualTo(whole);
    }

    /**
     * Stays, walks and drives with, at random fixes: far jumps (single, pairs), backtracks, drifts in stays, bad
     * accuracy and repeated times; the track starts and ends with a far fix.
     */
    private static Fixes noisyDay(Random random) {
        SyntheticTrack track = SyntheticTrack.startingAt(Instant.parse("2026-03-02T06:00:00Z"), 47.37, 8.54, 17);
        for (int part = 0; part < 25; part++) {
            track.stay(Duration.ofSeconds(120 + random.nextInt(1_800)), 5 + random.nextInt(10));
            if (random.nextInt(6) == 0) {
                track.gap(Duration.ofMinutes(random.nextInt(60)));
            }
            track.move(random.nextDouble() * 360, 500 + random.nextInt(5_000), 4 + random.nextInt(80));
        }
        Fixes generated = track.fixes();
        Fixes fixes = new Fixes(generated.size());
        for (int i = 0; i < generated.size(); i++) {
            double lat = generated.lat(i);
            double lon = generated.lon(i);
            double accuracy = random.nextInt(3) == 0 ? Double.NaN : 5 + random.nextInt(20);
            int dice = random.nextInt(100);
            boolean ends = i == 0 || i == generated.size() - 1;
            if (ends || dice < 2) {
                double[] far = Geodesy.destination(lat, lon, random.nextDouble() * 360,
                        20_000 + random.nextInt(50_000));
                lat = far[0];
                lon = far[1];
            } else if (dice < 5) {
                double[] near = Geodesy.destination(lat, lon, random.nextDouble() * 360, 60 + random.nextInt(1_500));
                lat = near[0];
                lon = near[1];
            } else if (dice < 7) {
                accuracy = 150 + random.nextInt(1_000);
            }
            long time = dice == 7 && fixes.size() > 0 ? fixes.time(fixes.size() - 1) : generated.time(i);
            fixes.add(generated.id(i), time, lat, lon, Double.NaN, accuracy);
        }
        return fixes;
    }
}
