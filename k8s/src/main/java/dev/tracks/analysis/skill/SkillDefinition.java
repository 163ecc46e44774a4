package dev.tracks.analysis.skill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one skill is: its description, the skills it needs first (with the reason), the datasets it reads and
 * writes, and its parameters. Built with {@link #of(Skill)} in the per-category files of this package.
 */
public record SkillDefinition(
        Skill skill,
        String description,
        String reference,
        List<Dependency> dependencies,
        List<Dataset> reads,
        List<Dataset> writes,
        List<ParamSpec> params,
        List<ParamOrder> paramOrders) {

    public SkillDefinition {
        dependencies = List.copyOf(dependencies);
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        params = List.copyOf(params);
        paramOrders = List.copyOf(paramOrders);
    }

    public static Builder of(Skill skill) {
        return new Builder(skill);
    }

    public List<Skill> dependsOn() {
        return dependencies.stream().map(Dependency::skill).toList();
    }

    /**
     * Whether the skill sees the fixes outlier detection flagged by its nature: it reads track_points without
     * point_flags (outlier detection itself).
     */
    public boolean seesFlaggedFixes() {
        return reads.contains(Dataset.TRACK_POINTS) && !reads.contains(Dataset.POINT_FLAGS);
    }

    /**
     * Whether a run with these parameters reads, and counts as pending, every fix rather than the clean ones only:
     * by nature ({@link #seesFlaggedFixes()}) or because {@link FixSelection#PARAM} asks for ALL. A skill that reads
     * no fixes (it builds on stays, cells) counts the clean ones.
     */
    public boolean readsAllFixes(Map<String, ?> params) {
        return seesFlaggedFixes() || (readsCleanFixes() && FixSelection.of(params) == FixSelection.ALL);
    }

    private boolean readsCleanFixes() {
        return reads.contains(Dataset.TRACK_POINTS) && reads.contains(Dataset.POINT_FLAGS);
    }

    /**
     * Whether the skill loads data from outside the skill graph (data_import reads uploads and files, not fixes): it
     * has no points to count or analyze.
     */
    public boolean isLoader() {
        return !reads.isEmpty() && !reads.contains(Dataset.TRACK_POINTS) && reads.stream().allMatch(Dataset::isSource);
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Checks the given parameters against this skill's definitions: unknown names, missing required ones, types,
     * bounds and orderings. An empty list means the parameters are valid.
     */
    public List<ParamViolation> validate(Map<String, ?> given) {
        Map<String, ?> values = given == null ? Map.of() : given;
        List<ParamViolation> violations = new ArrayList<>();
        for (var entry : values.entrySet()) {
            Optional<ParamSpec> spec = param(entry.getKey());
            if (spec.isEmpty()) {
                violations.add(new ParamViolation(entry.getKey(), "is not a parameter of " + skill.id() + "; "
                        + (params.isEmpty() ? "it takes none" : "allowed: " + paramNames())));
            } else if (entry.getValue() == null) {
                violations.add(new ParamViolation(entry.getKey(), "must not be null"));
            } else {
                spec.get().check(entry.getValue())
                        .ifPresent(message -> violations.add(new ParamViolation(entry.getKey(), message)));
            }
        }
        params.stream().filter(p -> p.required() && values.get(p.name()) == null && !values.containsKey(p.name()))
                .forEach(p -> violations.add(new ParamViolation(p.name(), "is required by " + skill.id())));
        if (violations.isEmpty()) {
            Map<String, Object> resolved = resolve(values);
            for (ParamOrder order : paramOrders) {
                double lower = ((Number) resolved.get(order.lower())).doubleValue();
                double upper = ((Number) resolved.get(order.upper())).doubleValue();
                if (lower >= upper) {
                    violations.add(new ParamViolation(order.upper(), "must be greater than " + order.lower()
                            + " (" + format(lower) + "), got " + format(upper)));
                }
            }
        }
        return violations;
    }

    /** The given parameters completed with the defaults, in definition order. Call only with valid parameters. */
    public Map<String, Object> resolve(Map<String, ?> given) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            Object value = given != null && given.get(p.name()) != null ? given.get(p.name()) : p.defaultValue();
            if (value != null) {
                resolved.put(p.name(), value);
            }
        }
        return resolved;
    }

    private String paramNames() {
        return params.stream().map(ParamSpec::name).collect(Collectors.joining(", "));
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Collects a definition in reading order: what it is, what it needs, what it produces, how it is tuned. */
    public static final class Builder {
        private final Skill skill;
        private String description;
        private String reference = "";
        private final List<Dependency> dependencies = new ArrayList<>();
        private final List<Dataset> reads = new ArrayList<>();
        private final List<Dataset> writes = new ArrayList<>();
        private final List<ParamSpec> params = new ArrayList<>();
        private final List<ParamOrder> orders = new ArrayList<>();

        private Builder(Skill skill) {
            this.skill = skill;
        }

        public Builder describedAs(String oneLine) {
            this.description = oneLine;
            return this;
        }

        /** The paper or library whose semantics and defaults the skill follows. */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        public Builder dependsOn(Skill dependency, String reason) {
            dependencies.add(new Dependency(dependency, reason));
            return this;
        }

        public Builder reads(Dataset... datasets) {
            reads.addAll(List.of(datasets));
            return this;
        }

        public Builder writes(Dataset... datasets) {
            writes.addAll(List.of(datasets));
            return this;
        }

        public Builder param(ParamSpec param) {
            params.add(param);
            return this;
        }

        public Builder requireLess(String lower, String upper) {
            orders.add(new ParamOrder(lower, upper));
            return this;
        }

        /** Every skill that reads clean fixes also takes {@link FixSelection#PARAM}, last. */
        public SkillDefinition build() {
            if (reads.contains(Dataset.TRACK_POINTS) && reads.contains(Dataset.POINT_FLAGS)) {
                params.add(FixSelection.param());
            }
            return new SkillDefinition(skill, description, reference, dependencies, reads, writes, params, orders);
        }
    }
}
