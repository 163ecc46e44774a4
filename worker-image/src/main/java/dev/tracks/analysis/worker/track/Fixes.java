package dev.tracks.analysis.worker.track;

import java.util.Arrays;

/**
 * One user's fixes in time order, column by column in primitive arrays: what every analysis reads. Columnar arrays
 * keep the inner loops free of allocation and boxing (24-48 bytes per fix), which is what makes the algorithms fast.
 * Unknown altitude or accuracy is {@code NaN}. Appending is for the code that reads fixes in; analyses only read.
 */
public final class Fixes {

    private long[] ids;
    private long[] times;
    private double[] lats;
    private double[] lons;
    private double[] altitudes;
    private double[] accuracies;
    private int size;

    public Fixes() {
        this(256);
    }

    public Fixes(int capacity) {
        int initial = Math.max(capacity, 16);
        ids = new long[initial];
        times = new long[initial];
        lats = new double[initial];
        lons = new double[initial];
        altitudes = new double[initial];
        accuracies = new double[initial];
    }

    /**
     * Appends a fix.
     *
     * @param id the point's id (track_points.id), or any unique number for data that is not stored
     * @param epochMillis the time the fix was recorded, milliseconds since the epoch (UTC)
     * @param altitudeMeters NaN when unknown
     * @param accuracyMeters NaN when unknown
     */
    public Fixes add(long id, long epochMillis, double lat, double lon, double altitudeMeters, double accuracyMeters) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            times = Arrays.copyOf(times, capacity);
            lats = Arrays.copyOf(lats, capacity);
            lons = Arrays.copyOf(lons, capacity);
            altitudes = Arrays.copyOf(altitudes, capacity);
            accuracies = Arrays.copyOf(accuracies, capacity);
        }
        ids[size] = id;
        times[size] = epochMillis;
        lats[size] = lat;
        lons[size] = lon;
        altitudes[size] = altitudeMeters;
        accuracies[size] = accuracyMeters;
        size++;
        return this;
    }

    /** Appends fix {@code index} of {@code other}. */
    public Fixes add(Fixes other, int index) {
        return add(other.id(index), other.time(index), other.lat(index), other.lon(index), other.altitude(index),
                other.accuracy(index));
    }

    /** A copy of the fixes {@code [from, to)}. */
    public Fixes slice(int from, int to) {
        Fixes copy = new Fixes(to - from);
        for (int i = from; i < to; i++) {
            copy.add(this, i);
        }
        return copy;
    }

    /** Drops the fixes before {@code from}, keeping the rest in order. */
    public void dropBefore(int from) {
        int kept = size - from;
        System.arraycopy(ids, from, ids, 0, kept);
        System.arraycopy(times, from, times, 0, kept);
        System.arraycopy(lats, from, lats, 0, kept);
        System.arraycopy(lons, from, lons, 0, kept);
        System.arraycopy(altitudes, from, altitudes, 0, kept);
        System.arraycopy(accuracies, from, accuracies, 0, kept);
        size = kept;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long id(int index) {
        return ids[index];
    }

    /** Milliseconds since the epoch, UTC. */
    public long time(int index) {
        return times[index];
    }

    /**
     * The first fix from {@code from} on recorded at or after {@code epochMillis}, or {@link #size()} if none: a binary
     * search, the fixes being in time order (a user has many trips to find).
     */
    public int firstAtOrAfter(int from, long epochMillis) {
        int low = from;
        int high = size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (time(middle) < epochMillis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    public double lat(int index) {
        return lats[index];
    }

    public double lon(int index) {
        return lons[index];
    }

    /** Metres; NaN when unknown. */
    public double altitude(int index) {
        return altitudes[index];
    }

    /** Radius of the reported accuracy in metres; NaN when unknown. */
    public double accuracy(int index) {
        return accuracies[index];
    }
}
