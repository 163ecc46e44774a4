package dev.tracks.analysis.skill;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One parameter of a skill: its type, default, bounds (inclusive), unit and meaning. A parameter without a default is
 * either required or simply absent when not given.
 */
public record ParamSpec(
        String name,
        ParamType type,
        boolean required,
        Object defaultValue,
        Double min,
        Double max,
        String unit,
        List<String> choices,
        String description) {

    public ParamSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (required && defaultValue != null) {
            throw new IllegalArgumentException(name + ": a required parameter has no default");
        }
    }

    public static ParamSpec integer(String name, long defaultValue, long min, long max, String unit, String doc) {
        return withValidDefault(new ParamSpec(name, ParamType.INTEGER,
                false, defaultValue, (double) min, (double) max, unit, null, doc));
    }

    public static ParamSpec number(String name, double defaultValue, double min, double max, String unit, String doc) {
        return withValidDefault(new ParamSpec(name, ParamType.NUMBER,
                false, defaultValue, min, max, unit, null, doc));
    }

    public static ParamSpec bool(String name, boolean defaultValue, String doc) {
        return withValidDefault(new ParamSpec(name, ParamType.BOOLEAN,
                false, defaultValue, null, null, null, null, doc));
    }

    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String doc) {
        return withValidDefault(new ParamSpec(name, ParamType.CHOICE,
                false, defaultValue, null, null, null, choices, doc));
    }

    public static ParamSpec timeZone(String name, String doc) {
        return withValidDefault(new ParamSpec(name, ParamType.TIME_ZONE,
                false, "UTC", null, null, null, null, doc));
    }

    public static ParamSpec requiredString(String name, String doc) {
        return withValidDefault(new ParamSpec(name, ParamType.STRING,
                true, null, null, null, null, null, doc));
    }

    public static ParamSpec optionalString(String name, String doc) {
        return withValidDefault(new ParamSpec(name, ParamType.STRING,
                false, null, null, null, null, null, doc));
    }

    /** Fails when a catalog entry's default breaks its own bounds: a mistake in the catalog, found at start-up. */
    private static ParamSpec withValidDefault(ParamSpec spec) {
        if (spec.defaultValue() != null) {
            spec.check(spec.defaultValue()).ifPresent(problem -> {
                throw new IllegalArgumentException(spec.name() + ": default " + problem);
            });
        }
        return spec;
    }

    /** What is wrong with {@code value} for this parameter, or empty when it is valid. */
    public Optional<String> check(Object value) {
        return switch (type) {
            case INTEGER -> value instanceof Number n && isIntegral(n)
                    ? checkBounds(n) : Optional.of("must be a whole number" + boundsText() + got(value));
            case NUMBER -> value instanceof Number n && Double.isFinite(n.doubleValue())
                    ? checkBounds(n) : Optional.of("must be a number" + boundsText() + got(value));
            case BOOLEAN -> value instanceof Boolean
                    ? Optional.empty() : Optional.of("must be true or false" + got(value));
            case STRING -> value instanceof String s && !s.isBlank()
                    ? Optional.empty() : Optional.of("must be a non-empty string" + got(value));
            case CHOICE -> value instanceof String s && choices.contains(s)
                    ? Optional.empty() : Optional.of("must be one of " + String.join(", ", choices) + got(value));
            case TIME_ZONE -> value instanceof String s && isZoneId(s)
                    ? Optional.empty()
                    : Optional.of("must be a time-zone id such as Europe/Zurich or UTC" + got(value));
        };
    }

    private Optional<String> checkBounds(Number n) {
        double v = n.doubleValue();
        boolean inside = (min == null || v >= min) && (max == null || v <= max);
        return inside ? Optional.empty() : Optional.of("must be" + boundsText() + got(n));
    }

    private String boundsText() {
        if (min == null && max == null) {
            return "";
        }
        String unitText = unit == null ? "" : " " + unit;
        return " between " + format(min) + " and " + format(max) + unitText;
    }

    private static String got(Object value) {
        return ", got " + (value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
    }

    private static String format(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    private static boolean isIntegral(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d);
    }

    private static boolean isZoneId(String s) {
        try {
            ZoneId.of(s);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
