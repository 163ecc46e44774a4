package dev.tracks.analysis.worker.persona;

import java.time.ZoneId;

/**
 * Parameters of spatial_persona, bound by name from the skill catalog ({@code IntegrationSkills}).
 *
 * @param returnerRatio returner when the k-radius of gyration exceeds this share of the radius of gyration
 * @param minLocations users with fewer distinct locations are stationary
 * @param routineEntropyBits routine when the uncorrelated entropy (bits) is at or below this
 * @param manyLocations the many_locations trait at or above this number of locations
 * @param dominantModeShare a mode is dominant when its share of the triplegs' length reaches this
 * @param regularHomeShare regular home when at least this share of the observed nights has a stay at home
 * @param minNights home regularity is judged over at least this many observed nights
 * @param nightStartHour local hour at which a night begins
 * @param nightEndHour local hour at which a night ends, on the next day when not after the start
 * @param timeZone zone of the nights when the user has none set and the home's position gives none
 */
public record PersonaParams(double returnerRatio, int minLocations, double routineEntropyBits, int manyLocations,
                            double dominantModeShare, double regularHomeShare, int minNights, int nightStartHour,
                            int nightEndHour, ZoneId timeZone) {
}
