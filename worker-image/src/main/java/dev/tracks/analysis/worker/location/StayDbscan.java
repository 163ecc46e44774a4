package dev.tracks.analysis.worker.location;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DBSCAN over positions on the sphere with the haversine distance, labelling points exactly as scikit-learn's
 * {@code DBSCAN(eps=epsilon/6371000, min_samples, metric="haversine")} does inside trackintel
 * {@code generate_locations}: neighbours are points at distance {@code <=} epsilon, a core point has at least
 * {@code minSamples} neighbours counting itself, clusters are the connected components of core points, numbered in
 * the order of their first core point, and a border point joins the first such cluster that reaches it.
 *
 * <p>Why not O(n^2): positions become unit vectors, and the haversine test {@code d <= epsilon} becomes the exact
 * chord test {@code |p - q| <= 2 sin(epsilon / 2R)}. Points are bucketed in a 3-D grid of cubes whose diagonal is
 * that chord, so all points in one cube are neighbours of each other (a cube with {@code minSamples} points is all
 * core, and its cores form one component without any distance test), and neighbours can only lie in the 5x5x5
 * surrounding cubes. Thousands of stays at home then cost O(n), not O(n^2). The grid needs no special case at the
 * poles or the antimeridian. Worst case remains quadratic only for two dense cubes just over epsilon apart.
 */
final class StayDbscan {

    static final int NOISE = -1;
    private static final int REACH = 2;

    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final double maxChordSquared;
    private final int[] cellOfPoint;
    private final int[][] cellPoints;
    private final int[][] neighbourCells;
    private final int[] parent;

    private StayDbscan(double[] lats, double[] lons, double epsilonMeters) {
        int n = lats.length;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        for (int i = 0; i < n; i++) {
            double phi = Math.toRadians(lats[i]);
            double lambda = Math.toRadians(lons[i]);
            x[i] = Math.cos(phi) * Math.cos(lambda);
            y[i] = Math.cos(phi) * Math.sin(lambda);
            z[i] = Math.sin(phi);
        }
        double angle = epsilonMeters / Geodesy.EARTH_RADIUS_METERS;
        double maxChord = angle >= Math.PI ? 2 : 2 * Math.sin(angle / 2);
        maxChordSquared = maxChord * maxChord;
        cellOfPoint = new int[n];
        Map<Cube, Integer> cubes = new LinkedHashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        double side = maxChord / Math.sqrt(3);
        for (int i = 0; i < n; i++) {
            Cube cube = new Cube(floor(x[i], side), floor(y[i], side), floor(z[i], side));
            int cell = cubes.computeIfAbsent(cube, c -> {
                members.add(new ArrayList<>());
                return members.size() - 1;
            });
            members.get(cell).add(i);
            cellOfPoint[i] = cell;
        }
        cellPoints = members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        neighbourCells = neighbours(cubes);
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    /**
     * Cluster labels 0, 1, ... (in the order of each cluster's first core point) or {@link #NOISE}, one per
     * position, for positions in the order the caller wants clusters numbered (trackintel: by stay start).
     */
    static int[] cluster(double[] lats, double[] lons, double epsilonMeters, int minSamples) {
        return new StayDbscan(lats, lons, epsilonMeters).labels(minSamples);
    }

    private int[] labels(int minSamples) {
        boolean[] core = corePoints(minSamples);
        connectCores(core);
        int n = x.length;
        int[] labelOfRoot = new int[n];
        Arrays.fill(labelOfRoot, NOISE);
        int[] labels = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                int root = find(i);
                if (labelOfRoot[root] == NOISE) {
                    labelOfRoot[root] = next++;
                }
                labels[i] = labelOfRoot[root];
            }
        }
        for (int i = 0; i < n; i++) {
            if (!core[i]) {
                labels[i] = firstClusterReaching(i, core, labels);
            }
        }
        return labels;
    }

    private boolean[] corePoints(int minSamples) {
        boolean[] core = new boolean[x.length];
        for (int cell = 0; cell < cellPoints.length; cell++) {
            boolean wholeCellIsCore = cellPoints[cell].length >= minSamples;
            for (int p : cellPoints[cell]) {
                core[p] = wholeCellIsCore || countNeighbours(p, minSamples) >= minSamples;
            }
        }
        return core;
    }

    /** Neighbours of {@code p} counting itself, stopping at {@code enough}. */
    private int countNeighbours(int p, int enough) {
        int count = 0;
        for (int cell : neighbourCells[cellOfPoint[p]]) {
            for (int q : cellPoints[cell]) {
                if (within(p, q) && ++count >= enough) {
                    return count;
                }
            }
        }
        return count;
    }

    private void connectCores(boolean[] core) {
        for (int cell = 0; cell < cellPoints.length; cell++) {
            int first = firstCore(cell, core);
            for (int p : cellPoints[cell]) {
                if (core[p]) {
                    union(first, p);
                }
            }
        }
        for (int cell = 0; cell < cellPoints.length; cell++) {
            int a = firstCore(cell, core);
            for (int other : neighbourCells[cell]) {
                int b = other > cell ? firstCore(other, core) : NOISE;
                if (a != NOISE && b != NOISE && find(a) != find(b) && anyCorePairWithin(cell, other, core)) {
                    union(a, b);
                }
            }
        }
    }

    private boolean anyCorePairWithin(int cell, int other, boolean[] core) {
        for (int p : cellPoints[cell]) {
            for (int q : cellPoints[other]) {
                if (core[p] && core[q] && within(p, q)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int firstClusterReaching(int p, boolean[] core, int[] labels) {
        int best = Integer.MAX_VALUE;
        for (int cell : neighbourCells[cellOfPoint[p]]) {
            for (int q : cellPoints[cell]) {
                if (core[q] && labels[q] < best && within(p, q)) {
                    best = labels[q];
                }
            }
        }
        return best == Integer.MAX_VALUE ? NOISE : best;
    }

    private int firstCore(int cell, boolean[] core) {
        for (int p : cellPoints[cell]) {
            if (core[p]) {
                return p;
            }
        }
        return NOISE;
    }

    private boolean within(int p, int q) {
        double dx = x[p] - x[q];
        double dy = y[p] - y[q];
        double dz = z[p] - z[q];
        return dx * dx + dy * dy + dz * dz <= maxChordSquared;
    }

    private int find(int p) {
        while (parent[p] != p) {
            parent[p] = parent[parent[p]];
            p = parent[p];
        }
        return p;
    }

    private void union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }

    private static int[][] neighbours(Map<Cube, Integer> cubes) {
        int[][] result = new int[cubes.size()][];
        for (Map.Entry<Cube, Integer> entry : cubes.entrySet()) {
            Cube c = entry.getKey();
            List<Integer> found = new ArrayList<>();
            for (int dx = -REACH; dx <= REACH; dx++) {
                for (int dy = -REACH; dy <= REACH; dy++) {
                    for (int dz = -REACH; dz <= REACH; dz++) {
                        Integer cell = cubes.get(new Cube(c.x() + dx, c.y() + dy, c.z() + dz));
                        if (cell != null) {
                            found.add(cell);
                        }
                    }
                }
            }
            result[entry.getValue()] = found.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return result;
    }

    private static int floor(double coordinate, double side) {
        return (int) Math.floor(coordinate / side);
    }

    private record Cube(int x, int y, int z) {

        /**
         * The spatial hash of Teschner et al. 2003: the record's default {@code 31 * (31 * x + y) + z} collides for
         * whole families of nearby cubes, which made the neighbour look-ups the bottleneck.
         */
        @Override
        public int hashCode() {
            return (x * 73_856_093) ^ (y * 19_349_663) ^ (z * 83_492_791);
        }
    }
}
