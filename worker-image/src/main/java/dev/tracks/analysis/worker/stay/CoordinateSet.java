package dev.tracks.analysis.worker.stay;

import java.util.Arrays;

/**
 * A reusable set of exact (lat, lon) pairs, to average each distinct coordinate of a stay once (trackintel takes the
 * centroid of the {@code unary_union} of the stay's points, which merges equal points). Open addressing over the bit
 * patterns; entries are invalidated by bumping a stamp, so clearing costs nothing and a stay allocates nothing once
 * the table is large enough.
 */
final class CoordinateSet {

    private long[] latBits = new long[0];
    private long[] lonBits = new long[0];
    private int[] stamps = new int[0];
    private int mask;
    private int stamp;

    /** Empties the set and makes room for {@code expected} coordinates. */
    void clear(int expected) {
        int capacity = Integer.highestOneBit(Math.max(expected, 8) * 2 - 1) << 1;
        if (capacity > stamps.length) {
            latBits = new long[capacity];
            lonBits = new long[capacity];
            stamps = new int[capacity];
            mask = capacity - 1;
            stamp = 0;
        } else if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 0;
        }
        stamp++;
    }

    /** Adds a coordinate; false when it was already in the set. */
    boolean add(double lat, double lon) {
        // + 0.0 turns -0.0 into 0.0: they are the same coordinate
        long a = Double.doubleToLongBits(lat + 0.0);
        long b = Double.doubleToLongBits(lon + 0.0);
        int slot = hash(a, b) & mask;
        while (stamps[slot] == stamp) {
            if (latBits[slot] == a && lonBits[slot] == b) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        stamps[slot] = stamp;
        latBits[slot] = a;
        lonBits[slot] = b;
        return true;
    }

    private static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 29));
    }
}
