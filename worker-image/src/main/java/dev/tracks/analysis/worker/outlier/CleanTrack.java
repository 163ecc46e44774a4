package dev.tracks.analysis.worker.outlier;

import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.track.Fixes;

/**
 * The fixes that passed the per-fix rules (accuracy, duplicate time), renumbered 0..size-1: their times strictly
 * increase, so every speed between them is finite. The sequence rules (speed, drift, backtrack) work on it.
 */
final class CleanTrack {

    private final Fixes fixes;
    private final int[] fixIndexes;
    private final int size;
    private final double[] steps;

    CleanTrack(Fixes fixes, int[] fixIndexes, int size) {
        this.fixes = fixes;
        this.fixIndexes = fixIndexes;
        this.size = size;
        // every rule reads the steps between consecutive clean fixes, most of them several times
        this.steps = new double[size];
        for (int k = 1; k < size; k++) {
            steps[k] = distance(k - 1, k);
        }
    }

    int size() {
        return size;
    }

    /** The index in the {@link Fixes} of clean fix {@code k}. */
    int fixIndex(int k) {
        return fixIndexes[k];
    }

    double lat(int k) {
        return fixes.lat(fixIndexes[k]);
    }

    double lon(int k) {
        return fixes.lon(fixIndexes[k]);
    }

    /** Great-circle distance in metres between clean fixes {@code a} and {@code b}. */
    double distance(int a, int b) {
        return Geodesy.distanceMeters(lat(a), lon(a), lat(b), lon(b));
    }

    /** Distance in metres from clean fix {@code k - 1} to clean fix {@code k} (k >= 1). */
    double step(int k) {
        return steps[k];
    }

    /** Speed in metres per second from clean fix {@code a} to the later clean fix {@code b}. */
    double speed(int a, int b) {
        double meters = b == a + 1 ? steps[b] : distance(a, b);
        return meters * 1000.0 / (fixes.time(fixIndexes[b]) - fixes.time(fixIndexes[a]));
    }
}
