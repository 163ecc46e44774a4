package dev.tracks.analysis.worker.reference.places;

/**
 * A k-d tree over points on the unit sphere in 3-D, as reverse_geocoder builds one: the straight-line (chord)
 * distance between unit vectors grows with the great-circle distance, so the nearest by chord is the nearest on the
 * sphere, with no special case at the antimeridian or the poles. Implicit layout: the median of each range is its
 * node, so the tree is three double arrays and a permutation.
 */
final class UnitVectorTree {

    private final double[][] axes;
    private final int[] ids;

    /** A tree over the positions {@code (lat[i], lon[i])} in degrees; {@link #nearest} answers an index i. */
    UnitVectorTree(double[] lat, double[] lon) {
        int n = lat.length;
        axes = new double[3][n];
        ids = new int[n];
        for (int i = 0; i < n; i++) {
            double[] v = unitVector(lat[i], lon[i]);
            axes[0][i] = v[0];
            axes[1][i] = v[1];
            axes[2][i] = v[2];
            ids[i] = i;
        }
        build(0, n, 0);
    }

    /** The index of the position nearest to (lat, lon), or -1 when the tree is empty. */
    int nearest(double lat, double lon) {
        double[] query = unitVector(lat, lon);
        Best best = new Best();
        search(0, ids.length, 0, query, best);
        return best.node < 0 ? -1 : ids[best.node];
    }

    private void build(int lo, int hi, int depth) {
        if (hi - lo <= 1) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, depth % 3);
        build(lo, mid, depth + 1);
        build(mid + 1, hi, depth + 1);
    }

    /** Quickselect: puts the median by {@code axis} at {@code k}, smaller before, larger after. */
    private void select(int lo, int hi, int k, int axis) {
        double[] key = axes[axis];
        while (lo < hi) {
            double pivot = key[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (key[i] < pivot) {
                    i++;
                }
                while (key[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void search(int lo, int hi, int depth, double[] query, Best best) {
        if (lo >= hi) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        double dx = axes[0][mid] - query[0];
        double dy = axes[1][mid] - query[1];
        double dz = axes[2][mid] - query[2];
        double distance = dx * dx + dy * dy + dz * dz;
        if (distance < best.distance) {
            best.distance = distance;
            best.node = mid;
        }
        int axis = depth % 3;
        double side = query[axis] - axes[axis][mid];
        boolean leftFirst = side < 0;
        search(leftFirst ? lo : mid + 1, leftFirst ? mid : hi, depth + 1, query, best);
        if (side * side < best.distance) {
            search(leftFirst ? mid + 1 : lo, leftFirst ? hi : mid, depth + 1, query, best);
        }
    }

    private void swap(int a, int b) {
        for (double[] axis : axes) {
            double t = axis[a];
            axis[a] = axis[b];
            axis[b] = t;
        }
        int t = ids[a];
        ids[a] = ids[b];
        ids[b] = t;
    }

    private static double[] unitVector(double lat, double lon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }

    /** The best node so far of one search (squared chord distance). */
    private static final class Best {
        double distance = Double.POSITIVE_INFINITY;
        int node = -1;
    }
}
