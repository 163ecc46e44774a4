package dev.tracks.analysis.worker.compression;

/**
 * Douglas-Peucker's top-down split (Douglas & Peucker 1973), with either distance: a section between two kept fixes
 * is split at its first farthest fix when that fix is further than the tolerance, else its interior is dropped.
 * <ul>
 *   <li>Plain: the distance from the segment between the section's ends (perpendicular where the foot falls on the
 *       segment, else to the nearer end, as JTS {@code DouglasPeuckerSimplifier}); time plays no part.</li>
 *   <li>Synchronised (TD-TR, Meratnia & de By 2004, "top-down time-ratio"): the time-synchronised Euclidean distance,
 *       from the position on the segment at the fix's time, moving at constant speed between the ends. A fix on the
 *       line but at another time than the line's constant speed puts it there is kept: the textbook difference.</li>
 * </ul>
 * An explicit stack replaces the recursion, whose depth can reach the number of fixes (a trip has up to hundreds of
 * thousands). Time is O(n log n) for usual tracks, O(n^2) at worst (every split peeling off one fix).
 */
final class TopDown {

    private TopDown() {
    }

    /** Which fixes of the plane the method keeps: the first and the last always. */
    static boolean[] kept(TripPlane plane, double tolerance, boolean synchronised) {
        int n = plane.size;
        boolean[] kept = new boolean[n];
        if (n == 0) {
            return kept;
        }
        kept[0] = true;
        kept[n - 1] = true;
        // Pending sections have interior fixes and are disjoint, so at most n - 2 are ever pending.
        int[] firsts = new int[Math.max(1, n)];
        int[] lasts = new int[Math.max(1, n)];
        int top = -1;
        if (n > 2) {
            top++;
            firsts[top] = 0;
            lasts[top] = n - 1;
        }
        while (top >= 0) {
            int first = firsts[top];
            int last = lasts[top];
            top--;
            int farthest = synchronised ? farthestBySed(plane, first, last, tolerance)
                    : farthestFromSegment(plane, first, last, tolerance);
            if (farthest < 0) {
                continue;
            }
            kept[farthest] = true;
            if (farthest - first >= 2) {
                top++;
                firsts[top] = first;
                lasts[top] = farthest;
            }
            if (last - farthest >= 2) {
                top++;
                firsts[top] = farthest;
                lasts[top] = last;
            }
        }
        return kept;
    }

    /** The first interior fix of largest SED if that SED is above the tolerance, else -1. */
    private static int farthestBySed(TripPlane plane, int first, int last, double tolerance) {
        double ax = plane.x[first];
        double ay = plane.y[first];
        long at = plane.times[first];
        double bx = plane.x[last];
        double by = plane.y[last];
        long bt = plane.times[last];
        double max = tolerance;
        int farthest = -1;
        for (int k = first + 1; k < last; k++) {
            double sed = plane.sed(k, ax, ay, at, bx, by, bt);
            if (sed > max) {
                max = sed;
                farthest = k;
            }
        }
        return farthest;
    }

    /** The first interior fix furthest from the segment if that distance is above the tolerance, else -1. */
    private static int farthestFromSegment(TripPlane plane, int first, int last, double tolerance) {
        double ax = plane.x[first];
        double ay = plane.y[first];
        double dx = plane.x[last] - ax;
        double dy = plane.y[last] - ay;
        double lengthSquared = dx * dx + dy * dy;
        double maxSquared = tolerance * tolerance;
        int farthest = -1;
        for (int k = first + 1; k < last; k++) {
            double px = plane.x[k] - ax;
            double py = plane.y[k] - ay;
            double along = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
            double ex = px - along * dx;
            double ey = py - along * dy;
            double squared = ex * ex + ey * ey;
            if (squared > maxSquared) {
                maxSquared = squared;
                farthest = k;
            }
        }
        return farthest;
    }
}
