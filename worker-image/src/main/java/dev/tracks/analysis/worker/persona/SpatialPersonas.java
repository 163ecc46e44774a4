package dev.tracks.analysis.worker.persona;

import dev.tracks.analysis.worker.footprint.FootprintsTable.StoredFootprint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * spatial_persona: a rule-based mobility profile from other skills' results. The label, first match wins:
 * <ol>
 *   <li>{@code no_data}: no footprint or no stays;</li>
 *   <li>{@code stationary}: fewer than {@code minLocations} (2) distinct locations: with one location the radius of
 *       gyration and its k-radius are both 0 and Pappalardo's test says nothing;</li>
 *   <li>{@code returner} when footprint_stats' k-radius of gyration exceeds {@code returnerRatio} (1/2) of its radius
 *       of gyration, else {@code explorer}: Pappalardo et al. 2015, Returners and explorers dichotomy in human
 *       mobility, Nat. Commun. 6:8166 (k = footprint_stats' k, 2 by default as in the paper's main analysis).</li>
 * </ol>
 * Traits, each a documented rule over one feature:
 * <ul>
 *   <li>{@code routine}: footprint_stats' uncorrelated entropy (scikit-mobility {@code uncorrelated_entropy},
 *       normalize=False: bits over the locations' visit counts, not time shares) at or below
 *       {@code routineEntropyBits} (2: the spread of four equally visited locations);</li>
 *   <li>{@code many_locations}: at least {@code manyLocations} (10) distinct locations;</li>
 *   <li>{@code dominant_mode}: one fine mode (transport_mode's labels, through trip_construction's triplegs) holds
 *       at least {@code dominantModeShare} (1/2) of the triplegs' length: the modal split is by distance, not time,
 *       because a long wait inside a slow tripleg would otherwise count as travel;</li>
 *   <li>{@code regular_home}: at least {@code regularHomeShare} (0.7) of at least {@code minNights} (3) observed
 *       nights have a stay at home, the location of the most nights ({@link HomeNights}).</li>
 * </ul>
 * Every rule evaluated is returned with its features, thresholds and outcome, so a label can be explained.
 */
public final class SpatialPersonas {

    private SpatialPersonas() {
    }

    /**
     * @param footprint the user's footprint; null when footprint_stats has not written one
     * @param lengthByMode the triplegs' length in metres per fine mode
     */
    public static Persona profile(StoredFootprint footprint, Map<String, Double> lengthByMode, HomeNights nights,
                                  PersonaParams params) {
        List<PersonaRule> rules = new ArrayList<>();
        boolean noData = footprint == null || footprint.stays() == 0;
        rules.add(new PersonaRule("no_data", noData, features("stays", footprint == null ? 0 : footprint.stays())));
        Map<String, Double> split = modalSplit(lengthByMode);
        if (noData) {
            return new Persona(PersonaLabel.NO_DATA, Double.NaN, footprint == null ? 0 : footprint.k(), Double.NaN,
                    Double.NaN, 0, split, null, nights, List.of(), rules);
        }
        boolean stationary = footprint.locations() < params.minLocations();
        rules.add(new PersonaRule("stationary", stationary, features("locations", footprint.locations(),
                "min_locations", params.minLocations())));
        double rg = footprint.radiusOfGyrationMeters();
        double kRg = footprint.kRadiusOfGyrationMeters();
        boolean returner = kRg > params.returnerRatio() * rg;
        rules.add(new PersonaRule("returner", returner, features("radius_of_gyration_m", rg, "k", footprint.k(),
                "k_radius_of_gyration_m", kRg, "ratio", rg > 0 ? kRg / rg : Double.NaN,
                "returner_ratio", params.returnerRatio())));
        PersonaLabel label = stationary ? PersonaLabel.STATIONARY
                : returner ? PersonaLabel.RETURNER : PersonaLabel.EXPLORER;

        List<PersonaRule> traits = new ArrayList<>();
        double entropy = footprint.uncorrelatedEntropy();
        traits.add(new PersonaRule("routine", entropy <= params.routineEntropyBits(),
                features("uncorrelated_entropy", entropy, "max_bits", params.routineEntropyBits())));
        traits.add(new PersonaRule("many_locations", footprint.locations() >= params.manyLocations(),
                features("locations", footprint.locations(), "min_locations", params.manyLocations())));
        Map.Entry<String, Double> top = split.entrySet().stream().findFirst().orElse(null);
        boolean dominant = top != null && top.getValue() >= params.dominantModeShare();
        traits.add(new PersonaRule("dominant_mode", dominant, features("mode", top == null ? null : top.getKey(),
                "share", top == null ? Double.NaN : top.getValue(), "min_share", params.dominantModeShare())));
        traits.add(new PersonaRule("regular_home", nights.homeFound() && nights.nights() >= params.minNights()
                && nights.share() >= params.regularHomeShare(), features("home_location_id",
                nights.homeFound() ? nights.homeLocationId() : null,
                "nights", nights.nights(), "home_nights", nights.homeNights(), "share", nights.share(),
                "min_share", params.regularHomeShare(), "min_nights", params.minNights(),
                "night", String.format(Locale.ROOT, "%02d:00-%02d:00", params.nightStartHour(),
                        params.nightEndHour()))));
        rules.addAll(traits);
        return new Persona(label, rg, footprint.k(), kRg, entropy, footprint.locations(), split,
                dominant ? top.getKey() : null, nights,
                traits.stream().filter(PersonaRule::fired).map(PersonaRule::name).toList(), rules);
    }

    /** Shares of the total length per mode, largest first (ties by mode name); empty when the total is 0. */
    static Map<String, Double> modalSplit(Map<String, Double> lengthByMode) {
        double total = lengthByMode.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> split = new LinkedHashMap<>();
        if (total > 0) {
            lengthByMode.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(mode -> split.put(mode.getKey(), mode.getValue() / total));
        }
        return split;
    }

    /** Name-value pairs in order; NaN becomes null (undefined). */
    private static Map<String, Object> features(Object... namesAndValues) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            features.put((String) namesAndValues[i], value instanceof Double d && d.isNaN() ? null : value);
        }
        return features;
    }
}
