package dev.tracks.analysis.worker.speedspace;

import dev.tracks.analysis.worker.footprint.Distribution;
import dev.tracks.analysis.worker.footprint.FootprintsTable.StoredHome;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.stay.StoredStay;
import dev.tracks.analysis.worker.track.Fixes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * speed_space_coupling: how fast a user moves where.
 *
 * <ul>
 *   <li>A fix's speed is that of the step from the previous fix: haversine distance over the time between them. A step
 *       of no time, or longer than {@code maxGapSeconds} (a recording gap), gives its fix no speed; so does the first
 *       fix. A fix is moving when it lies outside every stay (from a stay's start up to, not including, the first fix
 *       after it, so the departure step counts; trackintel's triplegs likewise lie between staypoints) and its speed
 *       exceeds {@code movingSpeedKmh} (default 1 km/h, gpxpy's stopped threshold in {@code get_moving_data}). The
 *       stays matter at 1-5 s sampling: a few metres of GPS jitter per second read as 5-10 km/h, which no speed
 *       threshold separates from walking. The speed belongs to the step's end, and so to that fix's cell.</li>
 *   <li>Per cell with at least {@code minFixesPerCell} moving fixes: their number, median and 85th percentile speed
 *       (linear interpolation between order statistics, numpy's default).</li>
 *   <li>Per user: Spearman's rho between the moving fixes' speeds and their great-circle distances from the home
 *       footprint_stats found ({@link SpearmanRho}, as commons-math3 {@code SpearmansCorrelation}: average ranks for
 *       ties). Its p value is
 *       two-sided from the t approximation {@code t = rho sqrt((n - 2) / (1 - rho^2))} with n - 2 degrees of freedom
 *       (as scipy.stats.spearmanr); |rho| = 1 gives p = 0. Fewer than 3 pairs, or all speeds or all distances
 *       equal, leave rho and p undefined (NaN); without a home there are no pairs.</li>
 * </ul>
 * Cells come in the order of their first moving fix.
 */
public final class SpeedSpaceCoupling {

    /** What the skill writes for one user. */
    public record Result(List<CellSpeedProfile> cells, SpeedHomeCorrelation correlation) {
    }

    private SpeedSpaceCoupling() {
    }

    /**
     * @param cells the H3 cell of each fix
     * @param stays the user's stays in time order
     * @param home null when footprint_stats found none
     */
    public static Result analyze(Fixes fixes, long[] cells, List<StoredStay> stays, StoredHome home,
                                 SpeedSpaceParams params) {
        int size = fixes.size();
        long gapMillis = params.maxGapSeconds() * 1000L;
        double[] speeds = new double[size];
        double[] distances = new double[home == null ? 0 : size];
        int[] group = new int[size];
        Map<Long, Integer> groups = new HashMap<>();
        List<Long> groupCells = new ArrayList<>();
        long lastCell = 0;
        int lastGroup = -1;
        int moving = 0;
        int stay = 0;
        for (int i = 1; i < size; i++) {
            long millis = fixes.time(i) - fixes.time(i - 1);
            if (millis <= 0 || millis > gapMillis) {
                continue;
            }
            while (stay < stays.size() && stays.get(stay).endMillis() <= fixes.time(i)) {
                stay++;
            }
            if (stay < stays.size() && stays.get(stay).startMillis() <= fixes.time(i)) {
                continue;
            }
            double kmh = Geodesy.distanceMeters(fixes.lat(i - 1), fixes.lon(i - 1), fixes.lat(i), fixes.lon(i))
                    / millis * 3600.0;
            if (kmh <= params.movingSpeedKmh()) {
                continue;
            }
            if (lastGroup < 0 || cells[i] != lastCell) {
                lastCell = cells[i];
                lastGroup = groups.computeIfAbsent(lastCell, cell -> {
                    groupCells.add(cell);
                    return groupCells.size() - 1;
                });
            }
            speeds[moving] = kmh;
            group[moving] = lastGroup;
            if (home != null) {
                distances[moving] = Geodesy.distanceMeters(home.lat(), home.lon(), fixes.lat(i), fixes.lon(i));
            }
            moving++;
        }
        return new Result(profiles(speeds, group, moving, groupCells, params.minFixesPerCell()),
                correlation(speeds, distances, home == null ? 0 : moving));
    }

    /** Per cell, its moving fixes' speeds gathered (a counting sort by cell), sorted and summarised. */
    private static List<CellSpeedProfile> profiles(double[] speeds, int[] group, int moving, List<Long> groupCells,
                                                   int minFixes) {
        int cellCount = groupCells.size();
        int[] start = new int[cellCount + 1];
        for (int i = 0; i < moving; i++) {
            start[group[i] + 1]++;
        }
        for (int g = 0; g < cellCount; g++) {
            start[g + 1] += start[g];
        }
        double[] byCell = new double[moving];
        int[] next = Arrays.copyOf(start, cellCount);
        for (int i = 0; i < moving; i++) {
            byCell[next[group[i]]++] = speeds[i];
        }
        List<CellSpeedProfile> profiles = new ArrayList<>();
        for (int g = 0; g < cellCount; g++) {
            int count = start[g + 1] - start[g];
            if (count >= minFixes) {
                double[] sorted = Arrays.copyOfRange(byCell, start[g], start[g + 1]);
                Arrays.sort(sorted);
                profiles.add(new CellSpeedProfile(groupCells.get(g), count, Distribution.percentile(sorted, 50),
                        Distribution.percentile(sorted, 85)));
            }
        }
        return profiles;
    }

    private static SpeedHomeCorrelation correlation(double[] speeds, double[] distances, int pairs) {
        if (pairs < 3) {
            return new SpeedHomeCorrelation(pairs, Double.NaN, Double.NaN);
        }
        double rho = SpearmanRho.of(speeds, distances, pairs);
        return new SpeedHomeCorrelation(pairs, rho, twoSidedP(rho, pairs));
    }

    /** The two-sided p value of Spearman's rho over n pairs, by the t approximation; NaN for NaN. */
    static double twoSidedP(double rho, int n) {
        if (Double.isNaN(rho)) {
            return Double.NaN;
        }
        if (Math.abs(rho) >= 1) {
            return 0;
        }
        double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
        return 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(t));
    }
}
