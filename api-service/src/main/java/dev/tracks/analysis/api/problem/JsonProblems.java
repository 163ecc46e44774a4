package dev.tracks.analysis.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What was wrong with a JSON body, in the API's own words: the field by its JSON path ({@code scope.user_ids[0]})
 * and the kind of value it takes. Jackson's messages name Java types and methods
 * ({@code dev.tracks.analysis.api.task.TaskRequest}, {@code StreamReadConstraints.getMaxNestingDepth()}), which tell
 * a caller nothing and show the service's insides, so none of them is passed on except a parser's description of
 * malformed JSON.
 */
final class JsonProblems {

    /** The detail of a 400 and the field it names (null when the body as a whole is wrong). */
    record Refusal(String detail, String field) {
    }

    private JsonProblems() {
    }

    static Refusal of(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new Refusal("the JSON exceeds a limit of the parser (nesting depth, or length of a number or"
                    + " string)", null);
        }
        if (e instanceof JsonParseException parse) {
            return new Refusal("malformed JSON" + at(parse) + ": " + firstSentence(parse.getOriginalMessage()), null);
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new Refusal("malformed JSON", null);
        }
        String field = path(mapping);
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : "; known: " + unknown.getKnownPropertyIds()
                    .stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            return new Refusal("unknown field '" + unknown.getPropertyName() + "'" + known, field);
        }
        if (mapping.getCause() instanceof StreamConstraintsException constraints) {
            return of(constraints);
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new Refusal(field == null ? "the body must be " + kind(mismatched.getTargetType())
                    : "must be " + kind(mismatched.getTargetType()), field);
        }
        return new Refusal(field == null ? "the body does not fit the request's fields" : "invalid value", field);
    }

    /** The JSON path of the failing value: names for fields, [i] for array elements. */
    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /** The JSON kind of a Java type the request maps a value to. */
    private static String kind(Class<?> type) {
        if (type == String.class || type.isEnum() || TemporalAccessor.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return type == Object.class || type.isPrimitive() ? "a JSON value" : "an object";
    }

    private static String at(JsonParseException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    /**
     * The parser's description of what it found, without what follows it: the source location and hints, which name
     * Jackson's own settings ({@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION}).
     */
    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        String sentence = message;
        for (String tail : new String[] {"\n", " (start marker", " [Source", "[Source"}) {
            int at = sentence.indexOf(tail);
            sentence = at < 0 ? sentence : sentence.substring(0, at);
        }
        return sentence.contains("`") ? "unreadable" : sentence.strip();
    }
}
