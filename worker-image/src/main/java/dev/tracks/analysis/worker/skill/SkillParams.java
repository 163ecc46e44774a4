package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.ParamViolation;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.skill.SkillDefinition;
import dev.tracks.analysis.worker.run.WorkerFailure;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A skill's parameters, checked against the catalog and completed with its defaults. */
public final class SkillParams {

    private final Skill skill;
    private final Map<String, Object> values;

    private SkillParams(Skill skill, Map<String, Object> values) {
        this.skill = skill;
        this.values = values;
    }

    /** Validates the given parameters; a violation is a non-retryable failure naming each bad field. */
    public static SkillParams resolve(Skill skill, Map<String, ?> given) {
        SkillDefinition definition = SkillCatalog.definition(skill);
        List<ParamViolation> violations = definition.validate(given);
        if (!violations.isEmpty()) {
            throw WorkerFailure.notRetryable("invalid parameters for " + skill.id() + ": " + violations.stream()
                    .map(v -> "params." + v.param() + ": " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        return new SkillParams(skill, definition.resolve(given));
    }

    public Skill skill() {
        return skill;
    }

    public double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    public String string(String name) {
        return require(name).toString();
    }

    /** All values, defaults included: what the run reports it used. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException(skill.id() + " has no parameter " + name + " in the catalog");
        }
        return value;
    }
}
