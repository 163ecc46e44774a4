package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.FOOTPRINTS;
import static dev.tracks.analysis.skill.Dataset.LOCATIONS;
import static dev.tracks.analysis.skill.Dataset.SPATIAL_PERSONAS;
import static dev.tracks.analysis.skill.Dataset.STAYS;
import static dev.tracks.analysis.skill.Dataset.TRIPLEGS;
import static dev.tracks.analysis.skill.Dataset.USER_TIME_ZONES;
import static dev.tracks.analysis.skill.ParamSpec.integer;
import static dev.tracks.analysis.skill.ParamSpec.number;
import static dev.tracks.analysis.skill.ParamSpec.timeZone;
import static dev.tracks.analysis.skill.Skill.FOOTPRINT_STATS;
import static dev.tracks.analysis.skill.Skill.SPATIAL_PERSONA;
import static dev.tracks.analysis.skill.Skill.STAY_STATS;
import static dev.tracks.analysis.skill.Skill.TRIP_CONSTRUCTION;

/** Skills that combine the results of others into a profile. */
final class IntegrationSkills {

    private IntegrationSkills() {
    }

    static List<SkillDefinition> definitions() {
        return List.of(
                SkillDefinition.of(SPATIAL_PERSONA)
                        .describedAs("Rule-based mobility profile per user: no_data, stationary, returner or"
                                + " explorer, with traits for routine (entropy), many locations, a dominant mode"
                                + " and a regular home; every row lists the features and thresholds behind it.")
                        .reference("Pappalardo et al. 2015, Returners and explorers, Nat. Commun. 6:8166"
                                + " (returner when the k-radius of gyration exceeds half the radius of gyration);"
                                + " scikit-mobility uncorrelated_entropy")
                        .dependsOn(FOOTPRINT_STATS, "returner/explorer compares the k-radius with the radius of"
                                + " gyration; entropy and locations come from the footprint")
                        .dependsOn(STAY_STATS, "home regularity counts the nights spent at each location")
                        .dependsOn(TRIP_CONSTRUCTION, "the modal split comes from the triplegs' modes")
                        .reads(FOOTPRINTS, LOCATIONS, STAYS, TRIPLEGS, USER_TIME_ZONES)
                        .writes(SPATIAL_PERSONAS)
                        .param(number("returnerRatio", 0.5, 0.01, 0.99, null,
                                "Returner when the k-radius of gyration exceeds this share of the radius of"
                                        + " gyration (Pappalardo et al.: one half)."))
                        .param(integer("minLocations", 2, 1, 1000, null,
                                "Users with fewer locations are stationary: returner or explorer needs places"
                                        + " to move between."))
                        .param(number("routineEntropyBits", 2, 0, 30, "bit",
                                "Routine when the uncorrelated entropy of the visits is at or below this (2 bits:"
                                        + " as spread as four equally visited locations)."))
                        .param(integer("manyLocations", 10, 2, 100000, null,
                                "Many locations at or above this number of distinct locations."))
                        .param(number("dominantModeShare", 0.5, 0.01, 1, null,
                                "A mode is dominant when its share of the triplegs' distance reaches this."))
                        .param(number("regularHomeShare", 0.7, 0.01, 1, null,
                                "Regular home when at least this share of the observed nights has a stay at"
                                        + " home, the location of the most nights."))
                        .param(integer("minNights", 3, 1, 366, null,
                                "Home regularity is judged only over at least this many observed nights."))
                        .param(integer("nightStartHour", 22, 0, 23, "h",
                                "Local hour at which a night begins (scikit-mobility home_location: 22)."))
                        .param(integer("nightEndHour", 7, 0, 23, "h",
                                "Local hour at which a night ends, on the next day when before the start."))
                        .param(timeZone("timeZone", "Time zone of the nights when the user has none set and the"
                                + " home's position gives none."))
                        .build());
    }
}
