package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The skills this worker implements. A catalog skill missing here fails its task as not implemented; the ones not
 * implemented yet are listed in the catalog's {@code SkillCatalog.NOT_YET_IMPLEMENTED}, and a test keeps the two
 * complete and disjoint.
 */
public final class SkillRegistry {

    private final Map<Skill, SkillImplementation<?>> skills = new EnumMap<>(Skill.class);

    public SkillRegistry(List<? extends SkillImplementation<?>> implemented) {
        for (SkillImplementation<?> skill : implemented) {
            if (skills.put(skill.skill(), skill) != null) {
                throw new IllegalStateException("two implementations of " + skill.skill().id());
            }
        }
    }

    /** The worker's own skills: every implementation declared in {@code META-INF/services}. */
    public static SkillRegistry standard() {
        return Standard.REGISTRY;
    }

    public SkillImplementation<?> get(Skill skill) {
        SkillImplementation<?> implementation = skills.get(skill);
        if (implementation == null) {
            throw WorkerFailure.notRetryable("skill " + skill.id() + " is not implemented in this worker version;"
                    + " implemented: " + implemented().stream().map(Skill::id).collect(Collectors.joining(", ")));
        }
        return implementation;
    }

    /** The implemented skill whose parameters are bound to {@code type}. */
    public Skill skillWithParameters(Class<? extends Record> type) {
        return skills.values().stream().filter(skill -> skill.parameters() == type).map(SkillImplementation::skill)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no implemented skill takes " + type));
    }

    /** The implemented skills, in the catalog's order. */
    public List<Skill> implemented() {
        return List.copyOf(skills.keySet());
    }

    /** Loaded once: the set of implementations is fixed for the life of the worker. */
    private static final class Standard {
        private static final SkillRegistry REGISTRY = new SkillRegistry(ServiceLoader.load(SkillImplementation.class)
                .stream().<SkillImplementation<?>>map(ServiceLoader.Provider::get).toList());
    }
}
