package dev.tracks.analysis.worker.skill;

import dev.tracks.analysis.skill.FixSelection;
import dev.tracks.analysis.skill.ParamSpec;
import dev.tracks.analysis.skill.ParamViolation;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.skill.SkillCatalog;
import dev.tracks.analysis.skill.SkillDefinition;
import dev.tracks.analysis.worker.failure.WorkerFailure;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A skill's parameters, checked against the catalog and completed with its defaults, and bound to the skill's
 * parameter record by component name ({@link #bind}): the catalog is the one place that names, defaults and bounds a
 * parameter.
 */
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

    /**
     * The catalog's defaults bound to an implemented skill's parameter record: how a skill reads the settings of
     * another it builds on, and how tests and benchmarks get the defaults.
     */
    public static <P extends Record> P defaults(Class<P> type) {
        return resolve(SkillRegistry.standard().skillWithParameters(type), Map.of()).bind(type);
    }

    public Skill skill() {
        return skill;
    }

    /**
     * One number by name, for the rare reader outside the skill's own package (a CSV column of another dataset);
     * the skill itself binds its record.
     */
    public double number(String name) {
        if (!(values.get(name) instanceof Number number)) {
            throw new IllegalStateException(skill.id() + " has no number parameter " + name + " in the catalog");
        }
        return number.doubleValue();
    }

    /** All values, defaults included: what the run reports it used. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * The parameters as the skill's record: each component takes the parameter of its name (numbers as double, int
     * or long; booleans; strings; time zones as {@link ZoneId}; choices as an enum constant of that name). The record
     * and the catalog entry must name the same parameters (those the runtime applies aside, such as
     * {@link FixSelection#PARAM}): a renamed, missing or extra one fails here (and in the
     * binding test of every implemented skill), never as a silently used default.
     */
    public <P extends Record> P bind(Class<P> type) {
        RecordComponent[] components = type.getRecordComponents();
        SkillDefinition definition = SkillCatalog.definition(skill);
        Set<String> componentNames = Arrays.stream(components).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        List<String> unbound = definition.params().stream().map(ParamSpec::name)
                .filter(name -> !componentNames.contains(name) && !FixSelection.runtimeParams().contains(name))
                .toList();
        if (!unbound.isEmpty()) {
            throw new IllegalStateException(type.getName() + " lacks the " + skill.id() + " parameters " + unbound
                    + " of the catalog");
        }
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            ParamSpec spec = definition.param(component.getName()).orElseThrow(() -> new IllegalStateException(
                    type.getName() + "." + component.getName() + " is not a parameter of " + skill.id()
                            + " in the catalog"));
            arguments[i] = convert(values.get(spec.name()), component.getType(), type, spec);
        }
        try {
            Constructor<P> canonical = type.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw WorkerFailure.notRetryable("invalid parameters for " + skill.id() + ": "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object convert(Object value, Class<?> target, Class<?> record, ParamSpec spec) {
        if (value == null) {
            if (target.isPrimitive()) {
                throw new IllegalStateException(record.getName() + "." + spec.name() + " is a " + target
                        + " but the catalog gives it no default");
            }
            return null;
        }
        if (target == double.class || target == Double.class) {
            return ((Number) value).doubleValue();
        }
        if (target == int.class || target == Integer.class) {
            return ((Number) value).intValue();
        }
        if (target == long.class || target == Long.class) {
            return ((Number) value).longValue();
        }
        if (target == boolean.class || target == Boolean.class) {
            return (Boolean) value;
        }
        if (target == String.class) {
            return value.toString();
        }
        if (target == ZoneId.class) {
            return ZoneId.of(value.toString());
        }
        if (target.isEnum()) {
            return enumConstant(target, value.toString());
        }
        throw new IllegalStateException(record.getName() + "." + spec.name() + ": cannot bind a parameter to "
                + target.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> target, String name) {
        return Enum.valueOf((Class<? extends Enum>) target, name.toUpperCase(Locale.ROOT));
    }
}
