package dev.tracks.analysis.worker.persona;

import java.util.List;
import java.util.Map;

/**
 * One user's spatial persona. Footprint measures are NaN (and k 0) without a footprint.
 *
 * @param radiusOfGyrationMeters footprint_stats' count-weighted radius of gyration
 * @param k footprint_stats' k
 * @param kRadiusOfGyrationMeters footprint_stats' radius of gyration over the k most visited locations
 * @param uncorrelatedEntropy footprint_stats' skmob uncorrelated_entropy, bits
 * @param locations footprint_stats' number of distinct locations
 * @param modalSplit share of the triplegs' length per fine mode, largest first; empty without length
 * @param dominantMode the mode whose share reaches dominantModeShare, or null
 * @param traits the names of the trait rules that fired
 * @param rules every rule evaluated, in the order of evaluation
 */
public record Persona(PersonaLabel label, double radiusOfGyrationMeters, int k, double kRadiusOfGyrationMeters,
                      double uncorrelatedEntropy, int locations, Map<String, Double> modalSplit, String dominantMode,
                      HomeNights nights, List<String> traits, List<PersonaRule> rules) {
}
