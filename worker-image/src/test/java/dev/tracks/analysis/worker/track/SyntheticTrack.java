package dev.tracks.analysis.worker.track;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates one user's track with its ground truth: stays at known places and times, legs at known speeds, gaps.
 * Deterministic for a seed. Fixes inside a stay scatter around the place (Gaussian, given sigma); fixes of a leg lie on
 * the great circle at the leg's constant speed. Tests of each analysis build the scenario they need and compare the
 * analysis' answer with {@link #stays()} and {@link #legs()}.
 */
public final class SyntheticTrack {

    /** A stay as generated: the fixes from {@code firstFix} to {@code lastFix} (inclusive) lie at the place. */
    public record Stay(long startMillis, long endMillis, double lat, double lon, int firstFix, int lastFix) {
    }

    /** A leg at constant speed from one place to another, fixes {@code firstFix..lastFix} inclusive. */
    public record Leg(long startMillis, long endMillis, double speedKmh, int firstFix, int lastFix) {
    }

    private final Fixes fixes = new Fixes();
    private final List<Stay> stays = new ArrayList<>();
    private final List<Leg> legs = new ArrayList<>();
    private final Random random;
    private long nowMillis;
    private double lat;
    private double lon;
    private long samplingMillis = 10_000;
    private long nextId = 1;
    private double moveNoiseMeters;

    private SyntheticTrack(Instant start, double lat, double lon, long seed) {
        this.nowMillis = start.toEpochMilli();
        this.lat = lat;
        this.lon = lon;
        this.random = new Random(seed);
    }

    public static SyntheticTrack startingAt(Instant start, double lat, double lon, long seed) {
        return new SyntheticTrack(start, lat, lon, seed);
    }

    /** Time between fixes from now on (default 10 s). */
    public SyntheticTrack sampleEvery(Duration interval) {
        this.samplingMillis = interval.toMillis();
        return this;
    }

    /** Stays at the current place for {@code duration}, fixes scattered with {@code sigmaMeters} of noise. */
    public SyntheticTrack stay(Duration duration, double sigmaMeters) {
        int first = fixes.size();
        long start = nowMillis;
        long end = nowMillis + duration.toMillis();
        while (nowMillis < end) {
            double[] noisy = Geodesy.destination(lat, lon, random.nextDouble() * 360,
                    Math.abs(random.nextGaussian()) * sigmaMeters);
            emit(noisy[0], noisy[1]);
        }
        stays.add(new Stay(start, nowMillis, lat, lon, first, fixes.size() - 1));
        return this;
    }

    /**
     * GPS noise on the fixes of later moves: independent Gaussian offsets north and east with this sigma (default 0:
     * fixes on the great circle).
     */
    public SyntheticTrack moveNoise(double sigmaMeters) {
        this.moveNoiseMeters = sigmaMeters;
        return this;
    }

    /** Moves {@code distanceMeters} on {@code bearingDegrees} at a constant {@code speedKmh}. */
    public SyntheticTrack move(double bearingDegrees, double distanceMeters, double speedKmh) {
        int first = fixes.size();
        long start = nowMillis;
        double speedMps = speedKmh / 3.6;
        double[] origin = {lat, lon};
        long durationMillis = Math.round(distanceMeters / speedMps * 1000);
        long end = nowMillis + durationMillis;
        while (nowMillis < end) {
            double travelled = speedMps * (nowMillis - start) / 1000.0;
            double[] at = Geodesy.destination(origin[0], origin[1], bearingDegrees, travelled);
            if (moveNoiseMeters > 0) {
                at = Geodesy.destination(at[0], at[1], 0, random.nextGaussian() * moveNoiseMeters);
                at = Geodesy.destination(at[0], at[1], 90, random.nextGaussian() * moveNoiseMeters);
            }
            emit(at[0], at[1]);
        }
        double[] arrival = Geodesy.destination(origin[0], origin[1], bearingDegrees, distanceMeters);
        lat = arrival[0];
        lon = arrival[1];
        legs.add(new Leg(start, end, speedKmh, first, fixes.size() - 1));
        return this;
    }

    /** Records nothing for {@code duration}: the device was off. */
    public SyntheticTrack gap(Duration duration) {
        nowMillis += duration.toMillis();
        return this;
    }

    /** Adds one fix at an explicit position at the current time (e.g. an injected outlier), then advances time. */
    public SyntheticTrack fixAt(double fixLat, double fixLon) {
        emit(fixLat, fixLon);
        return this;
    }

    private void emit(double fixLat, double fixLon) {
        fixes.add(nextId++, nowMillis, fixLat, fixLon, Double.NaN, Double.NaN);
        nowMillis += samplingMillis;
    }

    public Fixes fixes() {
        return fixes;
    }

    public List<Stay> stays() {
        return List.copyOf(stays);
    }

    public List<Leg> legs() {
        return List.copyOf(legs);
    }

    /** The current time of the generator: when the next fix would be recorded. */
    public long nowMillis() {
        return nowMillis;
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }
}
