package dev.tracks.analysis.worker.slicing;

import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.grid.GridParams;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.StayDetectionBenchmark;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.zone.UserTimeZones;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Benchmark (not a test): time_space_slicing's algorithm in memory against grid_system's on the same fixes in the
 * same run, per granularity, in batches of 10,000 as the runner calls it. Run as {@code InMemoryThroughput}:
 * {@code java -cp "worker-image/target/classes:worker-image/target/test-classes:$(cat cp.txt)"
 * dev.tracks.analysis.worker.slicing.TimeSlicingThroughput [fixes] [runs]}.
 */
public final class TimeSlicingThroughput {

    private static final int BATCH = 10_000;

    private TimeSlicingThroughput() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Fixes fixes = StayDetectionBenchmark.generate(size, new Random(7));
        GridParams grid = SkillParams.defaults(GridParams.class);
        TimeSlices.Zones zurich = new UserTimeZones.Resolver(ZoneId.of("Europe/Zurich"), ZoneOffset.UTC)::at;
        double baseline = best(runs, () -> CellVisits.detect(fixes, grid).finals().size());
        System.out.printf("%,d fixes, best of %d runs, one thread%n| algorithm | M fixes/s | vs grid_system |%n"
                + "|---|---:|---:|%n| grid_system (baseline) | %.2f | 1.00x |%n", size, runs, size / baseline / 1e6,
                size / baseline / 1e6);
        for (Granularity granularity : Granularity.values()) {
            TimeSliceParams params = new TimeSliceParams(granularity, grid.maxDwellGapSeconds(), ZoneOffset.UTC);
            double seconds = best(runs, () -> inBatches(fixes, new TimeSlices(grid.h3Resolution(), params, zurich)));
            System.out.printf("| time_space_slicing %s, batches of %,d | %.2f | %.2fx |%n", granularity, BATCH,
                    size / seconds / 1e6, baseline / seconds);
        }
    }

    private static int inBatches(Fixes all, TimeSlices slices) {
        Fixes buffer = new Fixes(2 * BATCH);
        int from = 0;
        int next = 0;
        int rows = 0;
        StreamResult<TimeSlice> last = null;
        while (next < all.size()) {
            int end = Math.min(next + BATCH, all.size());
            while (next < end) {
                buffer.add(all, next++);
            }
            last = slices.analyze(buffer, from);
            rows += last.finals().size();
            buffer.dropBefore(last.contextIndex());
            from = last.resumeIndex() - last.contextIndex();
        }
        return rows + last.provisional().size();
    }

    private static double best(int runs, IntSupplier work) {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            work.getAsInt();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
