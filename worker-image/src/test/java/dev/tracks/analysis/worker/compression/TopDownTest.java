package dev.tracks.analysis.worker.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The explicit stack of {@link TopDown} keeps exactly the fixes the textbook recursion keeps (Douglas & Peucker 1973;
 * Meratnia & de By 2004's TD-TR), written here the plain way, on random tracks small enough to recurse.
 */
class TopDownTest {

    private static void recurse(TripPlane plane, int first, int last, double tolerance, boolean synchronised,
                                boolean[] kept) {
        kept[first] = true;
        kept[last] = true;
        double max = -1;
        int farthest = -1;
        for (int k = first + 1; k < last; k++) {
            double distance = synchronised
                    ? plane.sed(k, plane.x[first], plane.y[first], plane.times[first], plane.x[last], plane.y[last],
                            plane.times[last])
                    : segmentDistance(plane.x[k], plane.y[k], plane.x[first], plane.y[first], plane.x[last],
                            plane.y[last]);
            if (distance > max) {
                max = distance;
                farthest = k;
            }
        }
        if (farthest >= 0 && max > tolerance) {
            recurse(plane, first, farthest, tolerance, synchronised, kept);
            recurse(plane, farthest, last, tolerance, synchronised, kept);
        }
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    @Test
    void theStackKeepsWhatTheRecursionKeeps() {
        Random random = new Random(43);
        for (int track = 0; track < 200; track++) {
            int n = 1 + random.nextInt(150);
            Fixes fixes = new Fixes();
            double[] at = {random.nextDouble() * 160 - 80, random.nextDouble() * 360 - 180};
            long time = 0;
            for (int i = 0; i < n; i++) {
                fixes.add(i, time, at[0], at[1], Double.NaN, Double.NaN);
                // now and then a fix at the same time or place
                time += random.nextInt(5) == 0 ? 0 : 1_000 + random.nextInt(30_000);
                if (random.nextInt(6) != 0) {
                    at = Geodesy.destination(at[0], at[1], random.nextDouble() * 360, random.nextDouble() * 300);
                }
            }
            TripPlane plane = TripPlane.of(fixes, 0, n);
            double tolerance = 5 + random.nextDouble() * 100;
            for (boolean synchronised : new boolean[] {true, false}) {
                boolean[] expected = new boolean[n];
                recurse(plane, 0, n - 1, tolerance, synchronised, expected);
                assertThat(TopDown.kept(plane, tolerance, synchronised)).as("track %d, SED %s", track, synchronised)
                        .isEqualTo(expected);
            }
        }
    }
}
