package dev.tracks.analysis.worker.persona;

import java.util.Map;

/**
 * One rule spatial_persona evaluated for a user: what it looked at and whether it fired.
 *
 * @param name the rule's name: a label (no_data, stationary, returner) or a trait
 * @param features the feature values and thresholds, by name, in a stable order; a null value is undefined
 */
public record PersonaRule(String name, boolean fired, Map<String, Object> features) {
}
