package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.worker.footprint.FootprintParams;
import dev.tracks.analysis.worker.footprint.FootprintStats;
import dev.tracks.analysis.worker.footprint.VisitedStay;
import dev.tracks.analysis.worker.grid.CellVisits;
import dev.tracks.analysis.worker.grid.GridParams;
import dev.tracks.analysis.worker.location.StayStats;
import dev.tracks.analysis.worker.location.StayStatsParams;
import dev.tracks.analysis.worker.mode.ModeInterval;
import dev.tracks.analysis.worker.mode.MovementSegment;
import dev.tracks.analysis.worker.mode.TransportMode;
import dev.tracks.analysis.worker.mode.TransportModeParams;
import dev.tracks.analysis.worker.outlier.OutlierDetection;
import dev.tracks.analysis.worker.outlier.OutlierParameters;
import dev.tracks.analysis.worker.rendering.RenderingParams;
import dev.tracks.analysis.worker.rendering.TrackRenderer;
import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.stay.Stay;
import dev.tracks.analysis.worker.stay.StayDetection;
import dev.tracks.analysis.worker.stay.StayDetectionBenchmark;
import dev.tracks.analysis.worker.stay.StayParameters;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import dev.tracks.analysis.worker.trip.StayInterval;
import dev.tracks.analysis.worker.trip.TripConstruction;
import dev.tracks.analysis.worker.trip.TripParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Throughput of each chain algorithm in memory, on one core (a program, not a test): one generated track of stays
 * and moves, each algorithm over all of it, best of several runs. Run after {@code test-compile}:
 * {@code java -cp "worker-image/target/classes:worker-image/target/test-classes:$(cat cp.txt)"
 * dev.tracks.analysis.worker.run.InMemoryThroughput [fixes] [runs]} (cp.txt from {@code dependency:build-classpath}).
 */
public final class InMemoryThroughput {

    private InMemoryThroughput() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Fixes fixes = StayDetectionBenchmark.generate(size, new Random(7));
        List<Stay> stays = all(StayDetection.detectStays(fixes, 0, SkillParams.defaults(StayParameters.class)));
        List<MovementSegment> segments = all(TransportMode.segments(fixes, 0, SkillParams.defaults(TransportModeParams.class)));
        List<StayInterval> stayIntervals = stays.stream()
                .map(s -> new StayInterval(s.firstFixId(), s.startMillis(), s.endMillis())).toList();
        List<ModeInterval> modes = segments.stream().map(ModeInterval::of).toList();
        List<StoredStay> located = stays.stream()
                .map(s -> new StoredStay(s.firstFixId(), s.startMillis(), s.endMillis(),
                        s.lat(), s.lon())).toList();
        List<VisitedStay> visited = stays.stream().map(s -> new VisitedStay(s.firstFixId(), s.startMillis(),
                s.endMillis(), s.lat(), s.lon(), VisitedStay.NO_LOCATION)).toList();
        System.out.printf("%,d fixes, %,d stays, %,d segments; best of %d runs, one thread%n", size, stays.size(),
                segments.size(), runs);
        System.out.printf("| algorithm | M fixes/s |%n|---|---:|%n");
        measure("outlier_detection", size, runs,
                () -> OutlierDetection.detectOutliers(fixes, 0, SkillParams.defaults(OutlierParameters.class)));
        measure("stay_detection", size, runs, () -> StayDetection.detectStays(fixes, 0, SkillParams.defaults(StayParameters.class)));
        measure("transport_mode", size, runs,
                () -> TransportMode.segments(fixes, 0, SkillParams.defaults(TransportModeParams.class)));
        measure("trip_construction", size, runs,
                () -> TripConstruction.construct(fixes, 0, stayIntervals, modes, SkillParams.defaults(TripParams.class)));
        measure("grid_system", size, runs, () -> CellVisits.detect(fixes, SkillParams.defaults(GridParams.class)));
        measure("rendering_metadata (one track, 13 zooms)", size, runs,
                () -> TrackRenderer.render(fixes, 0, fixes.size(), SkillParams.defaults(RenderingParams.class)));
        System.out.printf("| stay_stats (%,d stays) | %.0f k stays/s |%n", located.size(),
                best(runs, () -> StayStats.analyze(located, SkillParams.defaults(StayStatsParams.class))) / 1e3 * located.size());
        System.out.printf("| footprint_stats (%,d stays) | %.0f k stays/s |%n", visited.size(),
                best(runs, () -> FootprintStats.compute(visited, 0, SkillParams.defaults(FootprintParams.class))) / 1e3
                        * visited.size());
    }

    private static void measure(String name, int size, int runs, Supplier<?> algorithm) {
        System.out.printf("| %s | %.1f |%n", name, best(runs, algorithm) * size / 1e6);
    }

    /** Runs per second of the fastest run. */
    private static double best(int runs, Supplier<?> algorithm) {
        double bestSeconds = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            Object result = algorithm.get();
            bestSeconds = Math.min(bestSeconds, (System.nanoTime() - start) / 1e9);
            if (result == null) {
                throw new IllegalStateException("an algorithm returned nothing");
            }
        }
        return 1 / bestSeconds;
    }

    private static <R> List<R> all(StreamResult<R> result) {
        List<R> all = new ArrayList<>(result.finals());
        all.addAll(result.provisional());
        return all;
    }
}
