package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.worker.benchmark.MachineLoad;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What RoadGraph costs on a synthetic street grid (OSM extracts are loaded by {@code reference load osm}; this entry
 * point needs none): building the graph, nearest-road lookups, car routes, and HMM map matching of noisy drives along
 * the streets at 1 s and 10 s sampling, in fixes per second. The baseline, in the same run, is a haversine pass over
 * the same fixes (what reading them costs at least). Run:
 * {@code -Dbenchmark.roads.size=220 -Dbenchmark.roads.trips=200}.
 */
public final class RoadGraphBenchmark {

    private RoadGraphBenchmark() {
    }

    public static void main(String[] args) {
        int size = Integer.getInteger("benchmark.roads.size", 220);
        int trips = Integer.getInteger("benchmark.roads.trips", 200);
        System.out.println("load average at start: " + MachineLoad.loadAverage());
        RoadGrid grid = RoadGrid.at(47.2, 8.3, size, size, 300);
        long start = System.nanoTime();
        RoadGraph roads = RoadGraph.of(grid.network(1));
        System.out.printf("graph of %,d nodes and %,d edges built in %.2f s%n", roads.nodes(), roads.edges(),
                seconds(start));

        Random random = new Random(42);
        // Each sampling twice: the first round warms the JIT up.
        for (int samplingSeconds : new int[] {1, 10, 1, 10}) {
            List<Fixes> drives = new ArrayList<>();
            int fixes = 0;
            for (int i = 0; i < trips; i++) {
                Fixes drive = drive(grid, size, random, samplingSeconds);
                drives.add(drive);
                fixes += drive.size();
            }
            start = System.nanoTime();
            double length = 0;
            for (Fixes drive : drives) {
                for (int i = 1; i < drive.size(); i++) {
                    length += Geodesy.distanceMeters(drive.lat(i - 1), drive.lon(i - 1), drive.lat(i), drive.lon(i));
                }
            }
            double baseline = seconds(start);
            start = System.nanoTime();
            int near = 0;
            for (Fixes drive : drives) {
                for (int i = 0; i < drive.size(); i++) {
                    near += roads.nearest(drive.lat(i), drive.lon(i), 20).isPresent() ? 1 : 0;
                }
            }
            double nearest = seconds(start);
            start = System.nanoTime();
            double matched = 0;
            int broken = 0;
            for (Fixes drive : drives) {
                var match = roads.match(drive, 0, drive.size(), 50, 2, 200);
                if (match.isPresent()) {
                    matched += match.get().lengthMeters();
                } else {
                    broken++;
                }
            }
            double matching = seconds(start);
            System.out.printf("sampling %d s: %,d trips, %,d fixes, %.0f km; haversine pass %.3f s (baseline);"
                            + " nearest road %.2f s (%,.0f fixes/s, %d%% within 20 m, %.4fx baseline);"
                            + " map matching %.2f s (%,.0f fixes/s, %.5fx baseline; matched %.0f km, %d broken)%n",
                    samplingSeconds, drives.size(), fixes, length / 1000, baseline, nearest, fixes / nearest,
                    100 * near / fixes, baseline / nearest, matching, fixes / matching, baseline / matching,
                    matched / 1000, broken);
        }
        start = System.nanoTime();
        int routes = 0;
        double routed = 0;
        for (int i = 0; i < 200; i++) {
            var path = roads.route(grid.lat(random.nextInt(size)), grid.lon(random.nextInt(size)),
                    grid.lat(random.nextInt(size)), grid.lon(random.nextInt(size)));
            if (path.isPresent()) {
                routes++;
                routed += path.get().lengthMeters();
            }
        }
        double routing = seconds(start);
        System.out.printf("car routes: 200 between random crossings in %.2f s (%.1f ms each, %d found, mean"
                + " %.1f km)%n", routing, routing * 5, routes, routed / routes / 1000);
    }

    /**
     * A drive of 20 blocks along the streets from a random crossing, going on or turning at random at each (never
     * back), at 50 km/h with 10 m of GPS noise.
     */
    private static Fixes drive(RoadGrid grid, int size, Random random, int samplingSeconds) {
        int row = 20 + random.nextInt(size - 40);
        int column = 20 + random.nextInt(size - 40);
        Fixes fixes = new Fixes();
        long time = 0;
        long id = 0;
        double speed = 50 / 3.6;
        int direction = random.nextInt(4);
        for (int block = 0; block < 20; block++) {
            direction = Math.floorMod(direction + random.nextInt(3) - 1, 4);
            int toRow = row + (direction == 0 ? 1 : direction == 2 ? -1 : 0);
            int toColumn = column + (direction == 1 ? 1 : direction == 3 ? -1 : 0);
            double steps = grid.spacingMeters() / (speed * samplingSeconds);
            for (int step = 0; step < steps; step++) {
                double f = step / steps;
                double[] at = Geodesy.destination(grid.lat(row + f * (toRow - row)),
                        grid.lon(column + f * (toColumn - column)), random.nextDouble() * 360,
                        Math.abs(random.nextGaussian()) * 10);
                fixes.add(id++, time, at[0], at[1], Double.NaN, Double.NaN);
                time += samplingSeconds * 1000L;
            }
            row = toRow;
            column = toColumn;
        }
        return fixes;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
