package dev.tracks.analysis.task;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code spec.resources} as Kubernetes would check the worker container's, and before a Job is built from it:
 * names from {@link WorkerResource}, non-negative quantities up to each resource's maximum, a request at most its
 * limit (equal to it for GPUs, which need a limit). The CRD's rules ({@link ResourcesSchema}) say the same.
 */
final class ResourcesValidation {

    private ResourcesValidation() {
    }

    /** Adds a violation for each wrong entry of {@code resources}, named from {@code field} (spec.resources). */
    static void check(String field, ResourceRequirements resources, List<FieldViolation> out) {
        if (resources == null) {
            return;
        }
        resources.getAdditionalProperties().keySet().forEach(name -> out.add(new FieldViolation(field + "." + name,
                "unknown field; resources has requests and limits")));
        if (resources.getClaims() != null && !resources.getClaims().isEmpty()) {
            out.add(new FieldViolation(field + ".claims", ResourcesSchema.CLAIMS_MESSAGE));
        }
        Map<String, BigDecimal> limits = quantities(field + ".limits", resources.getLimits(), out);
        Map<String, BigDecimal> requests = quantities(field + ".requests", resources.getRequests(), out);
        requests.forEach((name, request) -> {
            String entry = field + ".requests." + name;
            BigDecimal limit = limits.get(name);
            String text = resources.getRequests().get(name).toString();
            if (WorkerResource.named(name).orElseThrow().extended()) {
                if (limit == null) {
                    out.add(new FieldViolation(entry, "needs a limit of the same value: " + name
                            + " is never overcommitted"));
                } else if (request.compareTo(limit) != 0) {
                    out.add(new FieldViolation(entry, "must equal the limit of " + name + " ("
                            + resources.getLimits().get(name) + "), got " + text));
                }
            } else if (limit != null && request.compareTo(limit) > 0) {
                out.add(new FieldViolation(entry, "must be at most the limit of " + name + " ("
                        + resources.getLimits().get(name) + "), got " + text));
            }
        });
    }

    /** The valid entries of {@code requests} or {@code limits} by name; a violation for each other. */
    private static Map<String, BigDecimal> quantities(String field, Map<String, Quantity> quantities,
                                                      List<FieldViolation> out) {
        Map<String, BigDecimal> valid = new LinkedHashMap<>();
        if (quantities == null) {
            return valid;
        }
        quantities.forEach((name, quantity) -> {
            Optional<WorkerResource> resource = WorkerResource.named(name);
            String text = quantity == null ? null : quantity.toString();
            Optional<BigDecimal> value = KubernetesQuantity.value(text);
            String entry = field + "." + name;
            if (resource.isEmpty()) {
                out.add(new FieldViolation(entry, "unknown resource; one of " + WorkerResource.names(false)));
            } else if (value.isEmpty()) {
                out.add(new FieldViolation(entry, "must be " + KubernetesQuantity.EXAMPLES + ", got "
                        + (text == null ? "null" : "\"" + text + "\"")));
            } else if (value.get().signum() < 0) {
                out.add(new FieldViolation(entry, "must not be negative, got " + text));
            } else if (resource.get().extended() && !text.matches(WorkerResource.WHOLE_NUMBER)) {
                out.add(new FieldViolation(entry, "must be a whole number of " + name + " written in digits, such as"
                        + " 1 or 2, got " + text));
            } else if (value.get().compareTo(resource.get().maximumValue()) > 0) {
                out.add(new FieldViolation(entry, "must be at most " + resource.get().maximum() + " (more than any"
                        + " node offers), got " + text));
            } else {
                valid.put(name, value.get());
            }
        });
        return valid;
    }
}
