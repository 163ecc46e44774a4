package dev.tracks.analysis.worker.mode;

import dev.tracks.analysis.worker.track.Fixes;
import java.util.Random;

/**
 * Observes a {@link Motion} as a phone's GPS receiver would: a fix every {@code samplingSeconds} while the sky is
 * visible, none underground. The position error is not independent from fix to fix: real GPS errors are strongly
 * autocorrelated over tens of seconds (multipath and atmospheric errors change slowly; Jun, Guensler and Ogle 2006,
 * "Smoothing methods to minimize impact of GPS random error on travel distance, speed, and acceleration profile
 * estimates", TRR 1972), so the error is a first-order autoregressive process per axis with stationary sigma
 * {@code sigmaMeters} and time constant {@code tauSeconds}. Occasional spikes (multipath reflections, cold starts)
 * move one fix by 50-300 m.
 *
 * @param samplingSeconds time between fixes
 * @param spikeProbability share of fixes moved by a spike
 */
record GpsReceiver(double sigmaMeters, double tauSeconds, int samplingSeconds, double spikeProbability) {

    private static final double METERS_PER_DEGREE = 111_320;

    /** The fixes of the motion around the origin, ids from 1. */
    Fixes observe(Motion motion, double originLat, double originLon, Random random) {
        double keep = Math.exp(-1 / tauSeconds);
        double innovation = sigmaMeters * Math.sqrt(1 - keep * keep);
        double errorX = random.nextGaussian() * sigmaMeters;
        double errorY = random.nextGaussian() * sigmaMeters;
        double metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(Math.toRadians(originLat));
        Fixes fixes = new Fixes(motion.time.size() / samplingSeconds + 1);
        long id = 1;
        for (int s = 0; s < motion.time.size(); s++) {
            errorX = keep * errorX + innovation * random.nextGaussian();
            errorY = keep * errorY + innovation * random.nextGaussian();
            if (s % samplingSeconds != 0 || !motion.visible.get(s)) {
                continue;
            }
            double fx = motion.x.get(s) + errorX;
            double fy = motion.y.get(s) + errorY;
            if (random.nextDouble() < spikeProbability) {
                double angle = random.nextDouble() * 2 * Math.PI;
                double offset = 50 + random.nextDouble() * 250;
                fx += Math.sin(angle) * offset;
                fy += Math.cos(angle) * offset;
            }
            fixes.add(id++, motion.time.get(s), originLat + fy / METERS_PER_DEGREE,
                    originLon + fx / metersPerDegreeLon, Double.NaN, Double.NaN);
        }
        return fixes;
    }
}
