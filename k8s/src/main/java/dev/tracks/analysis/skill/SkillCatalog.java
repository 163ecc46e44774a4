package dev.tracks.analysis.skill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one list of skills: what each does, needs, reads, writes and takes as parameters, and the default chain. The
 * CRD's skill enum, the API's skill listing, spec validation and the worker's dispatch all derive from it.
 *
 * <p>Dependencies form a DAG of true data dependencies, so independent skills can run in parallel. The old system
 * ran the default chain strictly in sequence; {@link #DEFAULT_CHAIN} keeps that order, which is one topological
 * order of the DAG.
 */
public final class SkillCatalog {

    /** The old system's default chain in its sequential order. */
    public static final List<Skill> DEFAULT_CHAIN = List.of(
            Skill.OUTLIER_DETECTION,
            Skill.TRANSPORT_MODE,
            Skill.STAY_DETECTION,
            Skill.TRIP_CONSTRUCTION,
            Skill.GRID_SYSTEM,
            Skill.FOOTPRINT_STATS,
            Skill.STAY_STATS,
            Skill.RENDERING_METADATA);

    /**
     * The skills the worker does not implement yet: their tasks fail with "not implemented". With the worker's
     * implementations this list covers the catalog exactly (a worker test checks it), so a new skill is either
     * implemented or named here.
     */
    public static final Set<Skill> NOT_YET_IMPLEMENTED = Set.copyOf(EnumSet.noneOf(Skill.class));

    private static final Map<Skill, SkillDefinition> DEFINITIONS = collect(Stream.of(
                    FoundationSkills.definitions(),
                    BehaviorSkills.definitions(),
                    SpatialSkills.definitions(),
                    StatisticsSkills.definitions(),
                    AdvancedSkills.definitions(),
                    VisualizationSkills.definitions(),
                    IntegrationSkills.definitions())
            .flatMap(List::stream)
            .toList());

    private SkillCatalog() {
    }

    public static SkillDefinition definition(Skill skill) {
        return DEFINITIONS.get(skill);
    }

    /** Every definition, in the order of {@link Skill}. */
    public static List<SkillDefinition> all() {
        return List.copyOf(DEFINITIONS.values());
    }

    /** The given skills and everything they need, transitively. */
    public static Set<Skill> withDependencies(Collection<Skill> skills) {
        Set<Skill> closure = EnumSet.noneOf(Skill.class);
        List<Skill> toVisit = new ArrayList<>(skills);
        while (!toVisit.isEmpty()) {
            Skill skill = toVisit.remove(toVisit.size() - 1);
            if (closure.add(skill)) {
                toVisit.addAll(definition(skill).dependsOn());
            }
        }
        return closure;
    }

    /**
     * The skills whose results are built, directly or through others, on the given skill's: what has to be recomputed
     * for a user when the skill's results for that user change.
     */
    public static Set<Skill> downstreamOf(Skill skill) {
        Set<Skill> downstream = EnumSet.noneOf(Skill.class);
        List<Skill> toVisit = new ArrayList<>(List.of(skill));
        while (!toVisit.isEmpty()) {
            Skill upstream = toVisit.remove(toVisit.size() - 1);
            for (SkillDefinition definition : DEFINITIONS.values()) {
                if (definition.dependsOn().contains(upstream) && downstream.add(definition.skill())) {
                    toVisit.add(definition.skill());
                }
            }
        }
        return downstream;
    }

    /**
     * The given skills ordered so that each comes after the skills it depends on (among the given ones); ties keep
     * the catalog order. Fails if the dependencies contain a cycle.
     */
    public static List<Skill> inDependencyOrder(Collection<Skill> skills) {
        Set<Skill> remaining = EnumSet.noneOf(Skill.class);
        remaining.addAll(skills);
        List<Skill> ordered = new ArrayList<>(remaining.size());
        while (!remaining.isEmpty()) {
            Skill ready = remaining.stream()
                    .filter(s -> definition(s).dependsOn().stream().noneMatch(remaining::contains))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("dependency cycle among " + remaining));
            ordered.add(ready);
            remaining.remove(ready);
        }
        return ordered;
    }

    /**
     * For each skill of a chain, how many of the chain's skills wait on it one after another: 0 for one that nothing
     * of the chain depends on, else one more than its deepest dependent. Started first among tasks that are equally
     * ready, the deepest shortens the chain (the upward rank of list scheduling, Topcuoglu et al. 2002, HEFT, with
     * every task of unit cost): on 2 slots, a second-level skill with a short path behind it (grid_system, then
     * footprint_stats) would otherwise take a slot, by its name, before one on the longest path (stay_detection, then
     * trip_construction, then rendering_metadata).
     */
    public static Map<Skill, Integer> waitingDepth(Collection<Skill> chain) {
        Map<Skill, Integer> depth = new EnumMap<>(Skill.class);
        List<Skill> ordered = inDependencyOrder(chain);
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Skill skill = ordered.get(i);
            int deepest = 0;
            for (Skill later : ordered.subList(i + 1, ordered.size())) {
                if (definition(later).dependsOn().contains(skill)) {
                    deepest = Math.max(deepest, depth.get(later) + 1);
                }
            }
            depth.put(skill, deepest);
        }
        return depth;
    }

    private static Map<Skill, SkillDefinition> collect(List<SkillDefinition> definitions) {
        Map<Skill, SkillDefinition> bySkill = new EnumMap<>(Skill.class);
        for (SkillDefinition definition : definitions) {
            if (bySkill.put(definition.skill(), definition) != null) {
                throw new IllegalStateException(definition.skill().id() + " is defined twice");
            }
        }
        EnumSet<Skill> missing = EnumSet.complementOf(EnumSet.copyOf(bySkill.keySet()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("skills without a definition: " + missing);
        }
        return bySkill;
    }
}
