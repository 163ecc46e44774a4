package dev.tracks.analysis.worker.mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The true motion of one traveller, simulated second by second on a local plane (metres east and north of the start):
 * the ground truth that {@link GpsReceiver} observes. A leg is driven as a list of {@link Stretch}es with a
 * longitudinal controller: accelerate towards the stretch's cruise speed at the mode's acceleration limit, brake at
 * the mode's deceleration so as to reach the end of the stretch at its end speed (zero before a stop), dwell, turn.
 * Every simulated second records whether a receiver could see the sky ({@link #visible}), which underground rail
 * turns off.
 */
final class Motion {

    /** A leg with its true mode, from its first to its last simulated second (inclusive). */
    record TruthLeg(long startMillis, long endMillis, FineMode mode) {
    }

    /**
     * A piece of a leg's route.
     *
     * @param meters length
     * @param cruiseKmh speed aimed at on the stretch
     * @param endKmh speed at its end (0: the vehicle stops there)
     * @param dwellSeconds standing time at its end (stop, station, red light)
     * @param turnDegrees heading change at its end (a junction), applied over a few metres
     * @param maxCurvaturePerKm bound of the gentle heading drift along the stretch, radians per km (rail and
     *     highways have large curve radii, streets are straight between junctions); the curvature reverts to
     *     straight, so lines bend now and then rather than circle
     * @param underground whether the receiver sees no satellite on this stretch and during its dwell
     */
    record Stretch(double meters, double cruiseKmh, double endKmh, double dwellSeconds, double turnDegrees,
            double maxCurvaturePerKm, boolean underground) {
    }

    /** Longitudinal limits of a mode, m/s2, and the second-to-second speed jitter of its driver, m/s. */
    record Dynamics(double accel, double decel, double jitter) {
    }

    final List<Double> x = new ArrayList<>();
    final List<Double> y = new ArrayList<>();
    final List<Long> time = new ArrayList<>();
    final List<Boolean> visible = new ArrayList<>();
    final List<TruthLeg> legs = new ArrayList<>();
    private final Random random;
    private long nowMillis;
    private double px;
    private double py;
    private double heading;
    private double speed;

    Motion(long startMillis, Random random) {
        this.nowMillis = startMillis;
        this.random = random;
        this.heading = random.nextDouble() * 2 * Math.PI;
    }

    /** Stands still for {@code seconds}, seen or not. */
    void stand(double seconds, boolean seen) {
        speed = 0;
        for (int s = 0; s < Math.round(seconds); s++) {
            record(seen);
        }
    }

    /** Drives one leg of {@code mode} over the stretches and records it as a truth leg. */
    void leg(FineMode mode, Dynamics dynamics, List<Stretch> stretches) {
        long start = nowMillis;
        for (Stretch stretch : stretches) {
            drive(stretch, dynamics);
        }
        legs.add(new TruthLeg(start, nowMillis - 1000, mode));
    }

    private void drive(Stretch stretch, Dynamics dynamics) {
        double cruise = stretch.cruiseKmh() / 3.6;
        double end = stretch.endKmh() / 3.6;
        double travelled = 0;
        double curvature = 0;
        double jitter = 0;
        while (travelled < stretch.meters()) {
            double remaining = stretch.meters() - travelled;
            double brakingDistance = (speed * speed - end * end) / (2 * dynamics.decel());
            jitter = 0.8 * jitter + random.nextGaussian() * dynamics.jitter();
            double target = Math.max(0.3, cruise + jitter);
            if (speed > end && brakingDistance >= remaining - speed) {
                speed = Math.max(Math.max(end, 0.5), speed - dynamics.decel());
            } else if (speed < target) {
                speed = Math.min(target, speed + dynamics.accel() * (0.7 + 0.3 * random.nextDouble()));
            } else {
                speed = Math.max(target, speed - dynamics.decel() * 0.5);
            }
            double step = Math.min(speed, remaining);
            double maxCurvature = stretch.maxCurvaturePerKm() / 1000;
            curvature = Math.max(-maxCurvature, Math.min(maxCurvature,
                    0.98 * curvature + random.nextGaussian() * maxCurvature * 0.05));
            heading += curvature * step;
            px += Math.sin(heading) * step;
            py += Math.cos(heading) * step;
            travelled += step;
            record(!stretch.underground());
        }
        speed = end;
        heading += Math.toRadians(stretch.turnDegrees());
        if (stretch.dwellSeconds() > 0) {
            stand(stretch.dwellSeconds(), !stretch.underground());
        }
    }

    private void record(boolean seen) {
        x.add(px);
        y.add(py);
        time.add(nowMillis);
        visible.add(seen);
        nowMillis += 1000;
    }

    long nowMillis() {
        return nowMillis;
    }
}
