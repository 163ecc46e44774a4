package dev.tracks.analysis.worker.complexity;

import dev.tracks.analysis.worker.track.Fixes;
import java.util.StringJoiner;

/**
 * The spatial_complexity skill for one trip at a time, after trajr (McLean & Skowron Volponi 2018), in buffers reused
 * from trip to trip. The trip's fixes are projected to a local plane ({@link PlanarPath}: equirectangular about the
 * trip's centre, duplicates dropped), then:
 *
 * <ul>
 *   <li>Rediscretization to {@code stepLengthMeters} ({@link Rediscretization}, trajr {@code TrajRediscretize}).</li>
 *   <li>Sinuosity: trajr {@code TrajSinuosity2}, Benhamou (2004) eq. 8, {@code S = 2 / sqrt(p ((1 + c) / (1 - c) +
 *       b^2))} over the rediscretized path, with p the mean step length, b its coefficient of variation (sample
 *       standard deviation) and c the mean cosine of the turning angles. Like trajr we leave out the mean sine of the
 *       turning angles, which Benhamou's general form adds for paths that keep turning the same way: trajr is the
 *       reference the measure is compared with, and a trip's left and right turns balance.</li>
 *   <li>Fractal dimension: trajr {@code TrajFractalDimension} with its defaults {@code adjustD} and {@code dMean}:
 *       the path's length measured with dividers (rediscretized length plus the beeline from the last divider point
 *       to the end, Nams 2006), walked forwards and backwards, {@code D = 1 - slope} of log length on log divider,
 *       the mean of both directions. Divider sizes: {@value #DIVIDER_SIZES}, log-spaced from stepLengthMeters to a
 *       tenth of the path length (trajr {@code TrajFractalStepSizes}' largest factor; its smallest, 1/10000 of the
 *       path, would measure GPS noise). A size at which not even one divider step fits is left out; at least
 *       {@value #MIN_FIT_SIZES} sizes must remain in each direction.</li>
 *   <li>E_max: trajr {@code TrajEmax}, E_max-a of Cheung et al. (2007), {@code c / (1 - c)} with c the mean cosine
 *       of the rediscretized path's turning angles; infinite for a straight path, which is stored as null with the
 *       reason {@value #STRAIGHT} (when {@code 1 - c} is below {@value #STRAIGHT_TOLERANCE}, every turn within a
 *       few thousandths of a degree).</li>
 *   <li>Directional change: trajr {@code TrajDirectionalChange} (Kitamura & Imafuku 2015) over the projected fixes
 *       (rediscretization loses time): the absolute turning angle at each fix in degrees over the time from the
 *       previous fix to the next; its mean, and its sample standard deviation SDDC. A turn whose neighbours share a
 *       time stamp is left out.</li>
 * </ul>
 *
 * <p>Reasons for a null measure: {@value #TOO_FEW_STEPS} (the rediscretized path has fewer than two steps: no
 * turning angle for sinuosity and E_max), {@value #STRAIGHT}, {@value #TOO_SHORT_FOR_FRACTAL} (the path is shorter
 * than 30 step lengths, or too few divider sizes fit), {@value #TOO_FEW_TURNS} (fewer than two timed turns for
 * SDDC, none for the mean).
 */
final class PathComplexities {

    static final String TOO_FEW_STEPS = "too_few_steps";
    static final String STRAIGHT = "straight";
    static final String TOO_SHORT_FOR_FRACTAL = "too_short_for_fractal";
    static final String TOO_FEW_TURNS = "too_few_turns";
    static final int DIVIDER_SIZES = 10;
    static final int MIN_FIT_SIZES = 3;
    static final double MIN_DIVIDER_RANGE = 3;
    static final double STRAIGHT_TOLERANCE = 1e-9;
    /** trajr TrajFractalStepSizes' largestStepFactor: the largest divider is this share of the path length. */
    private static final double LARGEST_DIVIDER_SHARE = 0.1;

    private final PlanarPath path = new PlanarPath();
    private final Rediscretization rediscretized = new Rediscretization();
    private final double[] logSizes = new double[DIVIDER_SIZES];
    private final double[] logLengths = new double[DIVIDER_SIZES];

    /** The complexity of the trip whose fixes are {@code [first, end)}. */
    PathComplexity of(long tripId, Fixes fixes, int first, int end, ComplexityParams params) {
        StringJoiner note = new StringJoiner(",");
        path.project(fixes, first, end);
        double step = params.stepLengthMeters();
        double pathMeters = path.length();

        int points = rediscretized.rediscretize(path, step);
        double sinuosity = Double.NaN;
        double eMax = Double.NaN;
        if (points >= 3) {
            double meanCos = meanCosineOfTurns();
            sinuosity = sinuosity(meanCos);
            if (1 - meanCos < STRAIGHT_TOLERANCE) {
                note.add(STRAIGHT);
            } else {
                eMax = meanCos / (1 - meanCos);
            }
        } else {
            note.add(TOO_FEW_STEPS);
        }

        double fractal = fractalDimension(step, pathMeters);
        if (Double.isNaN(fractal)) {
            note.add(TOO_SHORT_FOR_FRACTAL);
        }

        double[] change = directionalChange();
        if (Double.isNaN(change[1])) {
            note.add(TOO_FEW_TURNS);
        }
        return new PathComplexity(tripId, fixes.time(first), fixes.time(end - 1), end - first, pathMeters,
                step, Math.max(0, points - 1), sinuosity, fractal, eMax, change[0], change[1],
                note.length() == 0 ? null : note.toString());
    }

    private double meanCosineOfTurns() {
        double sum = 0;
        int turns = rediscretized.count() - 2;
        for (int i = 1; i <= turns; i++) {
            double ax = rediscretized.x(i) - rediscretized.x(i - 1);
            double ay = rediscretized.y(i) - rediscretized.y(i - 1);
            double bx = rediscretized.x(i + 1) - rediscretized.x(i);
            double by = rediscretized.y(i + 1) - rediscretized.y(i);
            sum += (ax * bx + ay * by) / Math.sqrt((ax * ax + ay * ay) * (bx * bx + by * by));
        }
        return sum / turns;
    }

    private double sinuosity(double meanCos) {
        int steps = rediscretized.count() - 1;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 1; i <= steps; i++) {
            double dx = rediscretized.x(i) - rediscretized.x(i - 1);
            double dy = rediscretized.y(i) - rediscretized.y(i - 1);
            double length = Math.sqrt(dx * dx + dy * dy);
            sum += length;
            sumSquares += length * length;
        }
        double mean = sum / steps;
        double variance = Math.max(0, (sumSquares - sum * mean) / (steps - 1));
        double variation = Math.sqrt(variance) / mean;
        return 2 / Math.sqrt(mean * ((1 + meanCos) / (1 - meanCos) + variation * variation));
    }

    private double fractalDimension(double smallest, double pathMeters) {
        double largest = LARGEST_DIVIDER_SHARE * pathMeters;
        if (!(largest >= MIN_DIVIDER_RANGE * smallest)) {
            return Double.NaN;
        }
        double forwards = 1 - slope(smallest, largest, false);
        double backwards = 1 - slope(smallest, largest, true);
        return (forwards + backwards) / 2;
    }

    /** Least-squares slope of log divider length on log divider size, NaN with too few sizes. */
    private double slope(double smallest, double largest, boolean reverse) {
        int n = 0;
        double logSmallest = Math.log(smallest);
        double logRatio = Math.log(largest / smallest);
        for (int k = 0; k < DIVIDER_SIZES; k++) {
            double logSize = logSmallest + logRatio * k / (DIVIDER_SIZES - 1);
            double length = rediscretized.dividerLength(path, Math.exp(logSize), reverse);
            if (!Double.isNaN(length)) {
                logSizes[n] = logSize;
                logLengths[n] = Math.log(length);
                n++;
            }
        }
        if (n < MIN_FIT_SIZES) {
            return Double.NaN;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += logSizes[i];
            meanY += logLengths[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (logSizes[i] - meanX) * (logLengths[i] - meanY);
            variance += (logSizes[i] - meanX) * (logSizes[i] - meanX);
        }
        return covariance / variance;
    }

    /** {mean, sample sd} of the directional change in degrees per second, NaN where undefined. */
    private double[] directionalChange() {
        int n = 0;
        double mean = 0;
        double m2 = 0;
        for (int i = 1; i + 1 < path.size(); i++) {
            long millis = path.time(i + 1) - path.time(i - 1);
            if (millis <= 0) {
                continue;
            }
            double ax = path.x(i) - path.x(i - 1);
            double ay = path.y(i) - path.y(i - 1);
            double bx = path.x(i + 1) - path.x(i);
            double by = path.y(i + 1) - path.y(i);
            double degrees = Math.toDegrees(Math.atan2(Math.abs(ax * by - ay * bx), ax * bx + ay * by));
            double change = degrees / (millis / 1000.0);
            n++;
            double delta = change - mean;
            mean += delta / n;
            m2 += delta * (change - mean);
        }
        return new double[] {n == 0 ? Double.NaN : mean, n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1))};
    }
}
