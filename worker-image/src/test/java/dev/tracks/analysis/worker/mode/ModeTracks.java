package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.mode.Motion.Dynamics;
import dev.tracks.analysis.worker.mode.Motion.Stretch;
import dev.tracks.analysis.worker.mode.Motion.TruthLeg;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trips with known modes and the kinematics of each mode, deterministic for a seed: what transport_mode's tests
 * measure recall on. Each trip starts and ends with a stay of 10-20 min and is observed by its own {@link GpsReceiver}
 * (noise sigma 5-15 m, time constant 20-60 s, spikes on 0.3 % of fixes; a fix every 1-5 s, or on one trip in five
 * every 10-60 s). The figures per mode come from the literature and common engineering values:
 * <ul>
 *   <li>walk 3-6 km/h (preferred walking speed 1.2-1.5 m/s), waits at crossings, turns at corners;</li>
 *   <li>bicycle 12-25 km/h, red lights, turns;</li>
 *   <li>car: urban blocks of 100-400 m at 20-60 km/h, red lights (5-60 s) and slow turns at junctions, accelerating at
 *       2-3 m/s2 and braking at 2.5-3.5 m/s2; on two trips in five a highway stretch of 5-30 km at 80-130 km/h whose
 *       speed drifts with traffic;</li>
 *   <li>bus: stops every 300-600 m with 15-40 s dwell, red lights and turns in between, 25-50 km/h, 1.2 m/s2;</li>
 *   <li>rail with smooth acceleration and braking (metro 1.0, suburban 0.8, intercity 0.5 m/s2), long speed plateaus,
 *       stations at regular spacing (metro 1-3 km, suburban 2-6 km, intercity 15-40 km) with 20-120 s dwell, curve
 *       radii of 500 m and more; a metro line runs entirely underground (the receiver loses the sky from the last
 *       minute of the walk into the station to the first minute out), in tunnels between surface stretches (signal
 *       lost and regained at speed) or on the surface;</li>
 *   <li>airplane: 300-1500 km at 700-900 km/h.</li>
 * </ul>
 * Rail and bus trips are walk, wait at the stop or platform, ride, walk; car trips walk to and from the car.
 */
final class ModeTracks {

    /** The kinds of trip the generator makes, named after their main mode. */
    enum Trip { WALK, BICYCLE, CAR, BUS, METRO, SUBURBAN_RAIL, INTERCITY_RAIL, AIRPLANE }

    /** Fixes with the true legs they were generated from. */
    record Track(Fixes fixes, List<TruthLeg> legs) {
    }

    private static final double ORIGIN_LAT = 39.9;
    private static final double ORIGIN_LON = 116.4;
    private static final long START_MILLIS = 1_700_000_000_000L;

    private ModeTracks() {
    }

    /** One trip of the given kind between two stays, for the seed. */
    static Track trip(Trip kind, long seed) {
        Random random = new Random(seed * 31 + kind.ordinal());
        Motion motion = new Motion(START_MILLIS + seed * 86_400_000L, random);
        motion.stand(uniform(random, 600, 1200), true);
        boolean underground = kind == Trip.METRO && random.nextDouble() < 0.4;
        switch (kind) {
            case WALK -> walk(motion, random, uniform(random, 500, 3000), false, false);
            case BICYCLE -> bicycle(motion, random);
            case CAR -> {
                walk(motion, random, uniform(random, 100, 300), false, false);
                car(motion, random);
                walk(motion, random, uniform(random, 100, 300), false, false);
            }
            case BUS -> {
                walk(motion, random, uniform(random, 200, 600), false, false);
                motion.stand(uniform(random, 60, 300), true);
                bus(motion, random);
                walk(motion, random, uniform(random, 200, 600), false, false);
            }
            case METRO, SUBURBAN_RAIL, INTERCITY_RAIL -> {
                walk(motion, random, uniform(random, 300, 800), false, underground);
                motion.stand(uniform(random, 60, 240), !underground);
                rail(motion, random, kind, underground);
                walk(motion, random, uniform(random, 300, 800), underground, false);
            }
            case AIRPLANE -> airplane(motion, random);
        }
        motion.stand(uniform(random, 600, 1200), true);
        boolean sparse = kind == Trip.AIRPLANE || random.nextDouble() < 0.2;
        int[] intervals = sparse ? new int[] {10, 15, 30, 60} : new int[] {1, 2, 3, 5};
        int sampling = intervals[random.nextInt(intervals.length)];
        GpsReceiver receiver = new GpsReceiver(uniform(random, 5, 15), uniform(random, 20, 60), sampling, 0.003);
        return new Track(receiver.observe(motion, ORIGIN_LAT, ORIGIN_LON, random), List.copyOf(motion.legs));
    }

    /** Walks {@code meters}; the first or last 80 m underground (into or out of a metro station) if asked. */
    private static void walk(Motion motion, Random random, double meters, boolean undergroundStart,
            boolean undergroundEnd) {
        double cruise = uniform(random, 3, 6);
        List<Stretch> stretches = new ArrayList<>();
        double left = meters;
        while (left > 0) {
            double length = Math.min(left, uniform(random, 40, 150));
            boolean wait = random.nextDouble() < 0.15;
            boolean hidden = (undergroundStart && left == meters) || (undergroundEnd && left - length <= 0);
            stretches.add(new Stretch(length, cruise, wait ? 0 : cruise, wait ? uniform(random, 5, 30) : 0,
                    turn(random, 0.4), 0, hidden));
            left -= length;
        }
        motion.leg(FineMode.WALK, new Dynamics(0.5, 0.8, 0.15), stretches);
    }

    private static void bicycle(Motion motion, Random random) {
        double cruise = uniform(random, 12, 25);
        List<Stretch> stretches = new ArrayList<>();
        for (double left = uniform(random, 2000, 8000); left > 0; ) {
            double length = Math.min(left, uniform(random, 100, 400));
            boolean light = random.nextDouble() < 0.25;
            double turn = turn(random, 0.35);
            stretches.add(new Stretch(length, cruise, light ? 0 : Math.abs(turn) > 45 ? 10 : cruise,
                    light ? uniform(random, 10, 40) : 0, turn, 0, false));
            left -= length;
        }
        motion.leg(FineMode.BICYCLE, new Dynamics(0.8, 1.5, 0.4), stretches);
    }

    private static void car(Motion motion, Random random) {
        List<Stretch> stretches = new ArrayList<>(urban(random, uniform(random, 1000, 4000), 20, 60, 0, 0));
        if (random.nextDouble() < 0.4) {
            double base = uniform(random, 80, 130);
            for (double left = uniform(random, 5000, 30_000); left > 0; ) {
                double length = Math.min(left, uniform(random, 500, 3000));
                double cruise = Math.max(70, Math.min(135, base + random.nextGaussian() * 8));
                stretches.add(new Stretch(length, cruise, cruise, 0, 0, 0.5, false));
                left -= length;
            }
            stretches.addAll(urban(random, uniform(random, 500, 2000), 20, 60, 0, 0));
        }
        motion.leg(FineMode.ROAD_VEHICLE, new Dynamics(uniform(random, 2, 3), uniform(random, 2.5, 3.5), 0.6),
                stretches);
    }

    private static void bus(Motion motion, Random random) {
        List<Stretch> stretches = new ArrayList<>();
        for (double left = uniform(random, 2000, 8000); left > 0; ) {
            double spacing = Math.min(left, uniform(random, 300, 600));
            stretches.addAll(urban(random, spacing, 25, 50, uniform(random, 15, 40), 0.2));
            left -= spacing;
        }
        motion.leg(FineMode.ROAD_VEHICLE, new Dynamics(1.2, 1.5, 0.4), stretches);
    }

    /**
     * Street blocks of 100-400 m over {@code meters}: at each junction a red light (30 %), a slow turn (30 %) or
     * nothing; the last block ends with a stop of {@code finalDwell} s (a bus stop) or at a light or turn.
     */
    private static List<Stretch> urban(Random random, double meters, double minKmh, double maxKmh, double finalDwell,
            double turnShare) {
        List<Stretch> stretches = new ArrayList<>();
        for (double left = meters; left > 0; ) {
            double length = Math.min(left, uniform(random, 100, 400));
            double cruise = uniform(random, minKmh, maxKmh);
            left -= length;
            if (left <= 0 && finalDwell > 0) {
                stretches.add(new Stretch(length, cruise, 0, finalDwell, turn(random, turnShare), 0, false));
            } else if (random.nextDouble() < 0.3) {
                stretches.add(new Stretch(length, cruise, 0, uniform(random, 5, 60), turn(random, 0.3), 0, false));
            } else if (random.nextDouble() < 0.43) {
                stretches.add(new Stretch(length, cruise, uniform(random, 15, 20), 0,
                        random.nextBoolean() ? 90 : -90, 0, false));
            } else {
                stretches.add(new Stretch(length, cruise, cruise, 0, 0, 0, false));
            }
        }
        return stretches;
    }

    /**
     * A kind of rail line: station spacing and top speed drawn per trip from the ranges, the number of stations from
     * {@code minStations} to {@code minStations + stationChoices - 1}, dwell per station from the range.
     */
    private record Line(double minSpacing, double maxSpacing, double minTop, double maxTop, double accel,
            int minStations, int stationChoices, double curvature, double minDwell, double maxDwell) {
    }

    private static final Line METRO_LINE = new Line(1000, 3000, 60, 80, 1.0, 3, 8, 2, 20, 60);
    private static final Line SUBURBAN_LINE = new Line(2000, 6000, 80, 120, 0.8, 2, 5, 1, 30, 60);
    private static final Line INTERCITY_LINE = new Line(15_000, 40_000, 120, 200, 0.5, 1, 3, 0.3, 60, 120);

    private static void rail(Motion motion, Random random, Trip kind, boolean underground) {
        Line line = switch (kind) {
            case METRO -> METRO_LINE;
            case SUBURBAN_RAIL -> SUBURBAN_LINE;
            default -> INTERCITY_LINE;
        };
        double spacing = uniform(random, line.minSpacing(), line.maxSpacing());
        double top = uniform(random, line.minTop(), line.maxTop());
        int stations = line.minStations() + random.nextInt(line.stationChoices());
        double curvature = line.curvature();
        boolean tunnels = kind == Trip.METRO && !underground && random.nextDouble() < 0.5;
        List<Stretch> stretches = new ArrayList<>();
        for (int s = 0; s < stations; s++) {
            double length = spacing * uniform(random, 0.8, 1.2);
            double dwell = s == stations - 1 ? 0 : uniform(random, line.minDwell(), line.maxDwell());
            if (tunnels && random.nextBoolean()) {
                stretches.add(new Stretch(length * 0.3, top, top, 0, 0, curvature, false));
                stretches.add(new Stretch(length * 0.4, top, top, 0, 0, curvature, true));
                stretches.add(new Stretch(length * 0.3, top, 0, dwell, 0, curvature, false));
            } else {
                stretches.add(new Stretch(length, top, 0, dwell, 0, curvature, underground));
            }
        }
        motion.leg(FineMode.RAIL, new Dynamics(line.accel(), line.accel(), 0.05), stretches);
    }

    private static void airplane(Motion motion, Random random) {
        motion.leg(FineMode.AIRPLANE, new Dynamics(2, 2, 1), List.of(new Stretch(uniform(random, 300_000, 1_500_000),
                uniform(random, 700, 900), 0, 0, 0, 0.1, false)));
    }

    /** A heading change at a junction: a right-angle turn with the given probability, else a slight bend. */
    private static double turn(Random random, double probability) {
        if (random.nextDouble() < probability) {
            return random.nextBoolean() ? 90 : -90;
        }
        return random.nextGaussian() * 5;
    }

    private static double uniform(Random random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }
}
