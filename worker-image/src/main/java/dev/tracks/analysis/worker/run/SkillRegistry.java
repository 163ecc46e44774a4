package dev.tracks.analysis.worker.run;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.footprint.FootprintSkill;
import dev.tracks.analysis.worker.grid.GridSkill;
import dev.tracks.analysis.worker.location.StayStatsSkill;
import dev.tracks.analysis.worker.mode.TransportModeSkill;
import dev.tracks.analysis.worker.outlier.OutlierDetectionSkill;
import dev.tracks.analysis.worker.rendering.RenderingSkill;
import dev.tracks.analysis.worker.skill.SkillImplementation;
import dev.tracks.analysis.worker.stay.StayDetectionSkill;
import dev.tracks.analysis.worker.trip.TripConstructionSkill;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The skills this worker implements. A catalog skill missing here fails its task as not implemented. */
public final class SkillRegistry {

    private final Map<Skill, SkillImplementation> skills = new EnumMap<>(Skill.class);

    public SkillRegistry(List<SkillImplementation> implemented) {
        implemented.forEach(skill -> skills.put(skill.skill(), skill));
    }

    /** The worker's own skills. */
    public static SkillRegistry standard() {
        return new SkillRegistry(List.of(new OutlierDetectionSkill(), new StayDetectionSkill(),
                new TransportModeSkill(), new TripConstructionSkill(), new GridSkill(),
                new FootprintSkill(), new StayStatsSkill(), new RenderingSkill()));
    }

    public SkillImplementation get(Skill skill) {
        SkillImplementation implementation = skills.get(skill);
        if (implementation == null) {
            throw WorkerFailure.notRetryable("skill " + skill.id() + " is not implemented in this worker version;"
                    + " implemented: data_import, " + implemented().stream().map(Skill::id)
                    .collect(Collectors.joining(", ")));
        }
        return implementation;
    }

    public List<Skill> implemented() {
        return List.copyOf(skills.keySet());
    }
}
