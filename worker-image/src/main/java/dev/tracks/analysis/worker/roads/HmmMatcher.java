package dev.tracks.analysis.worker.roads;

import dev.tracks.analysis.worker.geo.Geodesy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HMM map matching after Newson & Krumm 2009 ("Hidden Markov map matching through noise and sparseness"), the model
 * GraphHopper map-matching implements: a fix's candidates are the nearest point of each of the
 * {@link RoadGraph#MAX_CANDIDATES} nearest roads within the candidate radius (their 200 m); a candidate's emission
 * log-probability is -(d / sigma)^2 / 2 for its distance d to the fix; a transition's is -|route - gc| / beta, route
 * the shortest road distance between two candidates and gc the great circle between their fixes (constants that every
 * path shares are left out, as they do not change which path is the most likely). Viterbi keeps the best path to each
 * candidate. Routes longer than the great circle by more than {@link #MAX_DETOUR_METERS} are not searched: Newson &
 * Krumm drop such transitions too, and at beta 2 one costs 1,000 in log-probability where moving a candidate across
 * the whole radius costs 8. The sequence breaks (no match) where a fix has no candidate or no candidate of a fix can
 * be reached from one of the previous fix's.
 */
final class HmmMatcher {

    static final double MAX_DETOUR_METERS = 2_000;

    private final RoadGraph graph;
    private final RoadSearch search;

    HmmMatcher(RoadGraph graph, RoadSearch search) {
        this.graph = graph;
        this.search = search;
    }

    /** The most likely route through the fixes at these positions, or empty when the sequence breaks. */
    Optional<RoadMatch> match(double[] lats, double[] lons, double sigmaMeters, double beta, double radiusMeters) {
        int n = lats.length;
        RoadPoint[][] candidates = new RoadPoint[n][];
        int[][] previous = new int[n][];
        double[] scores = null;
        for (int t = 0; t < n; t++) {
            candidates[t] = graph.candidates(lats[t], lons[t], radiusMeters);
            if (candidates[t].length == 0) {
                return Optional.empty();
            }
            double[] next = new double[candidates[t].length];
            previous[t] = new int[next.length];
            if (t == 0) {
                for (int j = 0; j < next.length; j++) {
                    next[j] = emission(candidates[t][j], sigmaMeters);
                }
            } else {
                Arrays.fill(next, Double.NEGATIVE_INFINITY);
                double gc = Geodesy.distanceMeters(lats[t - 1], lons[t - 1], lats[t], lons[t]);
                for (int i = 0; i < scores.length; i++) {
                    if (scores[i] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double[] routes = search.costs(RoadProfile.ANY, candidates[t - 1][i], candidates[t],
                            gc + MAX_DETOUR_METERS);
                    for (int j = 0; j < next.length; j++) {
                        double score = scores[i] - Math.abs(routes[j] - gc) / beta;
                        if (score > next[j]) {
                            next[j] = score;
                            previous[t][j] = i;
                        }
                    }
                }
                boolean reached = false;
                for (int j = 0; j < next.length; j++) {
                    next[j] += emission(candidates[t][j], sigmaMeters);
                    reached |= next[j] > Double.NEGATIVE_INFINITY;
                }
                if (!reached) {
                    return Optional.empty();
                }
            }
            scores = next;
        }
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        int[] chosen = new int[n];
        chosen[n - 1] = best;
        for (int t = n - 1; t > 0; t--) {
            chosen[t - 1] = previous[t][chosen[t]];
        }
        return Optional.of(route(candidates, chosen));
    }

    private static double emission(RoadPoint candidate, double sigmaMeters) {
        double z = candidate.distanceMeters() / sigmaMeters;
        return -0.5 * z * z;
    }

    /** The matched route's length, overall and by road class (largest first), through the chosen candidates. */
    private RoadMatch route(RoadPoint[][] candidates, int[] chosen) {
        Map<String, Double> byClass = new HashMap<>();
        double[] length = new double[1];
        for (int t = 1; t < chosen.length; t++) {
            RoadPoint from = candidates[t - 1][chosen[t - 1]];
            RoadPoint[] to = {candidates[t][chosen[t]]};
            search.costs(RoadProfile.ANY, from, to, Double.POSITIVE_INFINITY);
            search.path(0, (edge, start, end) -> {
                double piece = Math.abs(end - start);
                length[0] += piece;
                byClass.merge(graph.roadClass(edge), piece, Double::sum);
            });
        }
        Map<String, Double> largestFirst = new LinkedHashMap<>();
        byClass.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> largestFirst.put(entry.getKey(), entry.getValue()));
        return new RoadMatch(length[0], largestFirst);
    }
}
