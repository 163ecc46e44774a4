package dev.tracks.analysis.worker.rendering;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;

/**
 * Douglas-Peucker for all tolerances at once. JTS {@code DouglasPeuckerSimplifier} on a LineString
 * ({@code DouglasPeuckerLineSimplifier.simplifySection}) splits a section at its first farthest vertex (point to
 * segment distance, {@link Distance#pointToSegment}) if that distance is {@code >} the tolerance, else drops the
 * section's interior. The split vertex does not depend on the tolerance, only whether the split happens, so the
 * splits at a larger tolerance are a subset of those at a smaller one. One pass with tolerance 0 records for each
 * vertex the smallest distance on its chain of splits, its rank; a vertex is in JTS's result for tolerance t exactly
 * when its rank is {@code > t}. That gives every zoom level from one pass, point counts that can only fall as the
 * tolerance grows, and an explicit stack instead of JTS's recursion, whose depth can reach the number of vertices.
 */
final class DouglasPeuckerRanks {

    private DouglasPeuckerRanks() {
    }

    /** Ranks of the vertices {@code (x[i], y[i])}; the endpoints rank infinite, vertices DP never keeps 0. */
    static double[] of(double[] x, double[] y) {
        int n = x.length;
        double[] ranks = new double[n];
        if (n == 0) {
            return ranks;
        }
        ranks[0] = Double.POSITIVE_INFINITY;
        ranks[n - 1] = Double.POSITIVE_INFINITY;
        int[] firsts = new int[n];
        int[] lasts = new int[n];
        double[] caps = new double[n];
        int top = 0;
        firsts[0] = 0;
        lasts[0] = n - 1;
        caps[0] = Double.POSITIVE_INFINITY;
        Coordinate from = new Coordinate();
        Coordinate to = new Coordinate();
        Coordinate vertex = new Coordinate();
        while (top >= 0) {
            int first = firsts[top];
            int last = lasts[top];
            double cap = caps[top];
            top--;
            from.setX(x[first]);
            from.setY(y[first]);
            to.setX(x[last]);
            to.setY(y[last]);
            double maxDistance = 0;
            int farthest = -1;
            for (int k = first + 1; k < last; k++) {
                vertex.setX(x[k]);
                vertex.setY(y[k]);
                double distance = Distance.pointToSegment(vertex, from, to);
                if (distance > maxDistance) {
                    maxDistance = distance;
                    farthest = k;
                }
            }
            if (farthest < 0) {
                continue;
            }
            double rank = Math.min(maxDistance, cap);
            ranks[farthest] = rank;
            top = push(firsts, lasts, caps, top, first, farthest, rank);
            top = push(firsts, lasts, caps, top, farthest, last, rank);
        }
        return ranks;
    }

    /** Pushes a section that has interior vertices; at most n - 2 such disjoint sections are ever pending. */
    private static int push(int[] firsts, int[] lasts, double[] caps, int top, int first, int last, double cap) {
        if (last - first < 2) {
            return top;
        }
        firsts[top + 1] = first;
        lasts[top + 1] = last;
        caps[top + 1] = cap;
        return top + 1;
    }
}
