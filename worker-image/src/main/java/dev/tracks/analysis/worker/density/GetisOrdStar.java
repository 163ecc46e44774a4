package dev.tracks.analysis.worker.density;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.apache.commons.math3.special.Erf;

/**
 * The Getis-Ord Gi* statistic (Getis &amp; Ord 1992; standardised form of Ord &amp; Getis 1995, as PySAL esda's
 * {@code G_Local(star=True)} and ArcGIS' Hot Spot Analysis compute it) over a user's H3 cells, with binary weights:
 * cell j weighs 1 in cell i's sum when it lies in i's neighbourhood (H3 {@code gridDisk} k=1, the cell itself
 * included, which is what makes it Gi* rather than Gi), else 0.
 *
 * <p>The study area is the user's visited cells plus every unvisited cell of their neighbourhoods, the latter with
 * value 0: as a hot spot analysis over a grid counts the empty cells of its study area (ArcGIS' fishnet). Without
 * them the neighbourhood of a compact footprint (a cell and its six neighbours) would be the whole study area, where
 * Gi* is 0/0. With n cells in the area, mean x̄ and standard deviation S (population, as esda):
 *
 * <pre>
 *   z_i = (sum_j w_ij x_j - x̄ W_i) / (S sqrt((n W_i - W_i^2) / (n - 1)))      W_i = sum_j w_ij (7, 6 at a pentagon)
 * </pre>
 *
 * and the p value is two-sided from the standard normal: {@code p = erfc(|z| / sqrt 2)} (esda reports a one-sided
 * p; two-sided is ArcGIS'). z is undefined (NaN, and so is p) when S = 0 (every value 0) or when a neighbourhood
 * covers the whole study area (W_i = n: a single visited cell and its six empty neighbours).
 */
final class GetisOrdStar {

    /** z and two-sided p of one cell; both NaN where Gi* is undefined. */
    record Score(double z, double p) {
        static final Score UNDEFINED = new Score(Double.NaN, Double.NaN);
    }

    private GetisOrdStar() {
    }

    /**
     * The scores of the visited cells, in their order.
     *
     * @param cells the visited cells, distinct
     * @param values their values (dwell seconds)
     * @param neighbourhood a cell's neighbourhood, the cell itself included
     */
    static Score[] scores(long[] cells, double[] values, LongFunction<List<Long>> neighbourhood) {
        int visited = cells.length;
        Map<Long, Integer> index = new HashMap<>(visited * 2);
        for (int i = 0; i < visited; i++) {
            index.put(cells[i], i);
        }
        @SuppressWarnings("unchecked")
        List<Long>[] neighbours = new List[visited];
        Set<Long> area = new HashSet<>(index.size() * 4);
        for (int i = 0; i < visited; i++) {
            neighbours[i] = neighbourhood.apply(cells[i]);
            area.addAll(neighbours[i]);
            area.add(cells[i]);
        }
        int n = area.size();
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / n;
        double squares = (n - visited) * mean * mean;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double sd = Math.sqrt(squares / n);
        Score[] scores = new Score[visited];
        for (int i = 0; i < visited; i++) {
            int weights = neighbours[i].size();
            if (sd == 0 || weights >= n) {
                scores[i] = Score.UNDEFINED;
                continue;
            }
            double local = 0;
            for (Long cell : neighbours[i]) {
                Integer j = index.get(cell);
                if (j != null) {
                    local += values[j];
                }
            }
            double z = (local - mean * weights) / (sd * Math.sqrt(((double) n * weights - (double) weights * weights)
                    / (n - 1)));
            scores[i] = new Score(z, Erf.erfc(Math.abs(z) / Math.sqrt(2)));
        }
        return scores;
    }
}
