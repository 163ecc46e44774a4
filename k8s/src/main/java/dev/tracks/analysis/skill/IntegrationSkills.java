package dev.tracks.analysis.skill;

import java.util.List;

import static dev.tracks.analysis.skill.Dataset.FOOTPRINTS;
import static dev.tracks.analysis.skill.Dataset.LOCATIONS;
import static dev.tracks.analysis.skill.Dataset.SPATIAL_PERSONAS;
import static dev.tracks.analysis.skill.Dataset.TRIPLEGS;
import static dev.tracks.analysis.skill.ParamSpec.integer;
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
                        .describedAs("Rule-based mobility profile per user: returner or explorer, range, regularity"
                                + " of home and work, modal split.")
                        .reference("Pappalardo et al. 2015, Returners and explorers, Nat. Commun. 6:8166"
                                + " (returner when the k-radius of gyration exceeds half the radius of gyration)")
                        .dependsOn(FOOTPRINT_STATS, "returner/explorer compares the k-radius with the radius of"
                                + " gyration")
                        .dependsOn(STAY_STATS, "regularity comes from the home and work locations")
                        .dependsOn(TRIP_CONSTRUCTION, "the modal split comes from the triplegs' modes")
                        .reads(FOOTPRINTS, LOCATIONS, TRIPLEGS)
                        .writes(SPATIAL_PERSONAS)
                        .param(integer("k", 2, 1, 50, null,
                                "k of the k-radius of gyration compared with the full radius."))
                        .build());
    }
}
