package dev.tracks.analysis.api.console;

import dev.tracks.analysis.skill.ParamSpec;
import dev.tracks.analysis.skill.ParamType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The create-task form of one skill, generated from the catalog's parameter specs, and the way back: the values the
 * browser posted as the request's params. Validation is the admin API's alone (the form has {@code novalidate}): a
 * value that is not a number is passed on as the text it is, and the API's answer names the field.
 */
final class TaskForm {

    /** Form fields of parameters are named {@value #PREFIX} + the parameter's name, as the API's field is. */
    static final String PREFIX = "params.";

    private TaskForm() {
    }

    /**
     * One input of the form.
     *
     * @param input the HTML input type (number, checkbox, text) or "select"
     * @param value what the user entered, or the default when the form is new
     * @param error the API's complaint about this field, empty when none
     */
    public record Field(String name, String label, String input, String value, boolean checked, String step,
                        String min, String max, String unit, List<String> choices, boolean required, String help,
                        String error) {

        public String id() {
            return "field-" + name.replace('.', '-');
        }
    }

    /** The fields of a skill's parameters, filled with {@code entered} (or the defaults) and the error, if any. */
    static List<Field> fields(List<ParamSpec> specs, Map<String, String> entered, String errorField, String error) {
        return specs.stream().map(spec -> {
            String name = PREFIX + spec.name();
            String value = entered.containsKey(name) ? entered.get(name)
                    : spec.defaultValue() == null ? "" : text(spec.defaultValue());
            String help = spec.description() + (spec.defaultValue() == null ? "" : " Default: "
                    + text(spec.defaultValue()) + (spec.unit() == null ? "" : " " + spec.unit()) + ".");
            return new Field(name, spec.name(), input(spec.type()), value,
                    spec.type() == ParamType.BOOLEAN && Boolean.parseBoolean(value),
                    spec.type() == ParamType.INTEGER ? "1" : "any", bound(spec.min()), bound(spec.max()),
                    spec.unit() == null ? "" : spec.unit(), spec.choices(), spec.required(), help,
                    name.equals(errorField) ? error : "");
        }).toList();
    }

    /**
     * The params of the request: each non-empty field as its spec's type; a checkbox is sent only when checked, so a
     * boolean absent from a posted form is false.
     */
    static Map<String, Object> params(List<ParamSpec> specs, Map<String, String> posted) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            String value = posted.get(PREFIX + spec.name());
            if (spec.type() == ParamType.BOOLEAN) {
                params.put(spec.name(), value != null);
            } else if (value != null && !value.isBlank()) {
                params.put(spec.name(), typed(spec.type(), value.trim()));
            }
        }
        return params;
    }

    private static Object typed(ParamType type, String value) {
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> Double.parseDouble(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String input(ParamType type) {
        return switch (type) {
            case INTEGER, NUMBER -> "number";
            case BOOLEAN -> "checkbox";
            case CHOICE -> "select";
            case STRING, TIME_ZONE -> "text";
        };
    }

    private static String bound(Double bound) {
        return bound == null || bound.isInfinite() ? "" : text(bound);
    }

    /** 5.0 as "5", 0.25 as "0.25": the way a person writes it. */
    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
