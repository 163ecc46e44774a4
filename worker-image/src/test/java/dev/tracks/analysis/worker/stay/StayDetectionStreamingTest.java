package dev.tracks.analysis.worker.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.SyntheticTrack;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Equal times and feeding fixes in chunks: the parts of stay detection that the streaming runtime relies on. */
class StayDetectionStreamingTest {

    private static final long MINUTE = 60_000;

    /** A fix {@code eastMeters} east of a fixed origin at {@code minute}. */
    private static void addEast(Fixes fixes, long id, double minute, double eastMeters) {
        double[] at = Geodesy.destination(47.0, 8.0, 90, eastMeters);
        fixes.add(id, Math.round(minute * MINUTE), at[0], at[1], Double.NaN, Double.NaN);
    }

    @Test
    void aWindowClosesAtTheFirstFixOfTheClosingTimeAndDuplicatesCountOnceInTheCentre() {
        Fixes fixes = new Fixes();
        addEast(fixes, 1, 0, 0);
        addEast(fixes, 2, 1, 5);
        addEast(fixes, 3, 2, 0);
        addEast(fixes, 4, 2, 0); // exact duplicate of fix 3
        addEast(fixes, 5, 6, 10);
        addEast(fixes, 6, 7, 20); // same time as the closing fix 7: not part of the stay
        addEast(fixes, 7, 7, 200);
        addEast(fixes, 8, 8, 210); // 190 m from anchor 6: closes a 1-minute window
        for (int minute = 9; minute <= 20; minute++) {
            addEast(fixes, 100 + minute, minute, 205);
        }
        addEast(fixes, 200, 21, 2_000);

        List<Stay> stays = StayDetection.detectStays(fixes, 0, SkillParams.defaults(StayParameters.class)).finals();

        assertThat(stays).hasSize(2);
        Stay first = stays.get(0);
        assertThat(first.startMillis()).isZero();
        assertThat(first.endMillis()).isEqualTo(7 * MINUTE);
        assertThat(first.fixCount()).isEqualTo(5);
        assertThat(first.lastFixId()).isEqualTo(5);
        // distinct coordinates 0, 5 and 10 m east: the centre is 5 m east, not pulled to the duplicated 0 m
        assertThat(Geodesy.distanceMeters(first.lat(), first.lon(), 47.0, 8.0)).isCloseTo(5, within(0.01));
        Stay second = stays.get(1);
        assertThat(second.firstFixId()).isEqualTo(8);
        assertThat(second.startMillis()).isEqualTo(8 * MINUTE);
        assertThat(second.endMillis()).isEqualTo(21 * MINUTE);
    }

    @Test
    void aFixWithTheAnchorsTimeDoesNotCloseTheWindow() {
        Fixes fixes = new Fixes();
        addEast(fixes, 1, 0, 0);
        addEast(fixes, 2, 0, 500);
        for (int minute = 1; minute <= 6; minute++) {
            addEast(fixes, 10 + minute, minute, 3);
        }
        addEast(fixes, 99, 7, 1_000);

        List<Stay> stays = StayDetection.detectStays(fixes, 0, SkillParams.defaults(StayParameters.class)).finals();

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(stay.firstFixId()).isEqualTo(1);
            assertThat(stay.fixCount()).isEqualTo(8);
            assertThat(stay.endMillis()).isEqualTo(7 * MINUTE);
        });
    }

    @Test
    void chunkedRunsGiveTheSameStaysAsOneRun() {
        Fixes fixes = withDuplicateTimes(randomDay(21), new Random(4));
        for (boolean includeLast : new boolean[] {false, true}) {
            StayParameters parameters = SkillParams.defaults(StayParameters.class).withIncludeLast(includeLast);
            ChunkedRun.Analysis<Stay> analysis = (part, from) -> StayDetection.detectStays(part, from, parameters);
            List<Stay> whole = ChunkedRun.whole(fixes, analysis);
            assertThat(whole).hasSizeGreaterThan(10);

            Random random = new Random(8);
            for (int run = 0; run < 20; run++) {
                int[] cuts = random.ints(1 + random.nextInt(30), 0, fixes.size()).sorted().toArray();
                assertThat(ChunkedRun.inChunks(fixes, cuts, analysis)).as("cuts %s", Arrays.toString(cuts))
                        .isEqualTo(whole);
            }
            int[] everyFix = IntStream.range(1, fixes.size()).toArray();
            assertThat(ChunkedRun.inChunks(fixes, everyFix, analysis)).isEqualTo(whole);
        }
    }

    /** A day of stays, walks, drives and gaps with random lengths; altitudes known at some fixes. */
    static Fixes randomDay(long seed) {
        Random random = new Random(seed);
        SyntheticTrack track = SyntheticTrack.startingAt(Instant.parse("2026-03-02T06:00:00Z"), 47.37, 8.54, seed);
        for (int part = 0; part < 40; part++) {
            track.stay(Duration.ofSeconds(60 + random.nextInt(1_800)), 5 + random.nextInt(20));
            if (random.nextInt(5) == 0) {
                track.gap(Duration.ofMinutes(random.nextInt(40)));
            }
            track.move(random.nextDouble() * 360, 100 + random.nextInt(3_000), 4 + random.nextInt(80));
        }
        Fixes generated = track.fixes();
        Fixes fixes = new Fixes(generated.size());
        for (int i = 0; i < generated.size(); i++) {
            double altitude = random.nextInt(3) == 0 ? Double.NaN : 400 + random.nextInt(50);
            fixes.add(generated.id(i), generated.time(i), generated.lat(i), generated.lon(i), altitude, Double.NaN);
        }
        return fixes;
    }

    /** A copy in which about one fix in ten takes the time of its predecessor (sometimes also its position). */
    static Fixes withDuplicateTimes(Fixes source, Random random) {
        Fixes copy = new Fixes(source.size());
        for (int i = 0; i < source.size(); i++) {
            if (i > 0 && random.nextInt(10) == 0) {
                int previous = copy.size() - 1;
                boolean exact = random.nextBoolean();
                copy.add(source.id(i), copy.time(previous), exact ? copy.lat(previous) : source.lat(i),
                        exact ? copy.lon(previous) : source.lon(i), source.altitude(i), source.accuracy(i));
            } else {
                copy.add(source, i);
            }
        }
        return copy;
    }
}
