package dev.tracks.analysis.worker.stay;

import dev.tracks.analysis.worker.skill.SkillParams;
import dev.tracks.analysis.worker.track.Fixes;
import dev.tracks.analysis.worker.track.StreamResult;
import java.util.Random;

/**
 * Micro-benchmark of stay detection (a program, not a test): generates a long track of stays and moves and prints
 * fixes per second over several runs. Run after {@code test-compile}:
 * {@code java -cp worker-image/target/classes:worker-image/target/test-classes
 * dev.tracks.analysis.worker.stay.StayDetectionBenchmark [fixes] [runs]}.
 */
public final class StayDetectionBenchmark {

    private static final double METERS_PER_DEGREE = 111_195;

    private StayDetectionBenchmark() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Fixes fixes = generate(size, new Random(1));
        StayParameters parameters = SkillParams.defaults(StayParameters.class);
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            StreamResult<Stay> result = StayDetection.detectStays(fixes, 0, parameters);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %,d fixes, %,d stays, %.3f s, %.1f M fixes/s%n", run, size,
                    result.finals().size(), seconds, size / seconds / 1e6);
        }
    }

    /**
     * Alternates stays of 2-40 minutes (10 m noise) and moves of 4-100 km/h, sampled every 5 s, with altitudes:
     * about half the fixes lie in stays. Plain degree offsets instead of geodesics keep generation quick.
     */
    public static Fixes generate(int size, Random random) {
        Fixes fixes = new Fixes(size);
        double lat = 47.37;
        double lon = 8.54;
        long time = 1_767_225_600_000L;
        while (fixes.size() < size) {
            int stayFixes = 24 + random.nextInt(456);
            double metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(Math.toRadians(lat));
            for (int i = 0; i < stayFixes && fixes.size() < size; i++) {
                fixes.add(fixes.size(), time, lat + random.nextGaussian() * 10 / METERS_PER_DEGREE,
                        lon + random.nextGaussian() * 10 / metersPerDegreeLon, 400 + random.nextGaussian(),
                        Double.NaN);
                time += 5_000;
            }
            double step = (4 + random.nextInt(96)) / 3.6 * 5;
            double bearing = random.nextDouble() * 2 * Math.PI;
            int moveFixes = stayFixes;
            for (int i = 0; i < moveFixes && fixes.size() < size; i++) {
                lat += step * Math.cos(bearing) / METERS_PER_DEGREE;
                lon += step * Math.sin(bearing) / metersPerDegreeLon;
                fixes.add(fixes.size(), time, lat, lon, 400 + random.nextGaussian(), Double.NaN);
                time += 5_000;
            }
        }
        return fixes;
    }
}
