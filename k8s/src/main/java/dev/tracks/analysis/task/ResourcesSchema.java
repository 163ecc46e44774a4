package dev.tracks.analysis.task;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds to the CRD's {@code spec.resources} what {@link ResourcesValidation} checks, so that the API server refuses
 * such a task at once: the quantity grammar as a pattern, and CEL rules (Kubernetes' quantity library) for the names,
 * maxima, whole GPUs and a request against its limit. Built from {@link WorkerResource}, the one list of them.
 *
 * <p>Used only while the CRD is generated; the generator is not on the run-time class path.
 */
public final class ResourcesSchema implements SchemaCustomizer.Customizer {

    static final String CLAIMS_MESSAGE = "resource claims are not supported: the worker's pod declares none";

    /** Resource name to maximum, as a CEL map literal. */
    private static final String MAXIMA = Arrays.stream(WorkerResource.values())
            .map(resource -> "'" + resource.resourceName() + "': '" + resource.maximum() + "'")
            .collect(Collectors.joining(", ", "{", "}"));

    private static final String EXTENDED = Arrays.stream(WorkerResource.values()).filter(WorkerResource::extended)
            .map(resource -> "'" + resource.resourceName() + "'").collect(Collectors.joining(", ", "[", "]"));

    static final String KNOWN_NAMES_RULE = "self.all(k, k in " + MAXIMA + ")";
    static final String MAXIMA_RULE = "self.all(k, !(k in " + MAXIMA + ") || !" + isQuantity("self[k]") + " || "
            + quantity("self[k]") + ".compareTo(quantity(" + MAXIMA + "[k])) <= 0)";
    /** Digits only: the quantity library's isInteger() says no to "2000m", which Kubernetes takes as 2. */
    static final String WHOLE_RULE = "self.all(k, !(k in " + EXTENDED + ") || string(self[k]).matches('"
            + WorkerResource.WHOLE_NUMBER + "'))";
    static final String NOT_NEGATIVE_RULE = "!" + isQuantity("self") + " || !" + quantity("self")
            + ".isLessThan(quantity('0'))";
    static final String REQUEST_AT_MOST_LIMIT_RULE = "!has(self.requests) || !has(self.limits)"
            + " || self.requests.all(k, !(k in self.limits)"
            + " || !" + isQuantity("self.requests[k]") + " || !" + isQuantity("self.limits[k]")
            + " || " + quantity("self.requests[k]") + ".compareTo(" + quantity("self.limits[k]") + ") <= 0)";
    /** Over the few extended resources rather than the request's names: the cost must stay within the budget. */
    static final String EXTENDED_REQUEST_EQUALS_LIMIT_RULE = EXTENDED + ".all(k, !has(self.requests)"
            + " || !(k in self.requests) || has(self.limits) && k in self.limits"
            + " && (!" + isQuantity("self.requests[k]") + " || !" + isQuantity("self.limits[k]")
            + " || " + quantity("self.requests[k]") + ".compareTo(" + quantity("self.limits[k]") + ") == 0))";
    static final String NO_CLAIMS_RULE = "!has(self.claims) || size(self.claims) == 0";

    @Override
    public JSONSchemaProps apply(JSONSchemaProps props, String input, KubernetesSerialization serialization) {
        Map<String, Object> quantities = Map.of(
                "maxProperties", WorkerResource.values().length,
                "additionalProperties", Map.of(
                        "pattern", KubernetesQuantity.PATTERN,
                        "maxLength", KubernetesQuantity.MAX_LENGTH,
                        "x-kubernetes-validations", List.of(rule(NOT_NEGATIVE_RULE, "must not be negative"))),
                "x-kubernetes-validations", List.of(
                        rule(KNOWN_NAMES_RULE, "unknown resource; resources are " + WorkerResource.names(false)),
                        rule(MAXIMA_RULE, "more than any node offers; the maxima are " + Arrays
                                .stream(WorkerResource.values())
                                .map(resource -> resource.resourceName() + " " + resource.maximum())
                                .collect(Collectors.joining(", "))),
                        rule(WHOLE_RULE, WorkerResource.names(true)
                                + " must be whole numbers written in digits, such as 1 or 2")));
        Map<String, Object> resources = Map.of(
                "properties", Map.of("limits", quantities, "requests", quantities),
                "x-kubernetes-validations", List.of(
                        rule(REQUEST_AT_MOST_LIMIT_RULE, ".requests",
                                "a request must be at most the limit of the same resource"),
                        rule(EXTENDED_REQUEST_EQUALS_LIMIT_RULE, ".requests", WorkerResource.names(true)
                                + " are never overcommitted: a request needs a limit of the same value"),
                        rule(NO_CLAIMS_RULE, ".claims", CLAIMS_MESSAGE)));
        return new SchemaMerge().apply(props, serialization.asJson(Map.of("properties", Map.of("resources",
                resources))), serialization);
    }

    private static String isQuantity(String value) {
        return "isQuantity(string(" + value + "))";
    }

    private static String quantity(String value) {
        return "quantity(string(" + value + "))";
    }

    private static Map<String, String> rule(String rule, String message) {
        return Map.of("rule", rule, "message", message);
    }

    private static Map<String, String> rule(String rule, String fieldPath, String message) {
        return Map.of("rule", rule, "fieldPath", fieldPath, "message", message);
    }
}
