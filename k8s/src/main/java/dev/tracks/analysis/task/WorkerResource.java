package dev.tracks.analysis.task;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resources a task may request for its worker ({@code spec.resources}), each with the most it may ask for: more
 * than any node offers, so a larger value is a typo (such a pod would never be scheduled). GPUs are extended
 * resources: whole numbers that Kubernetes never overcommits, so a request needs a limit of the same value.
 * Hugepages and other extended resources are left out: the worker's JVM uses neither.
 */
public enum WorkerResource {

    CPU("cpu", "1024", false),
    MEMORY("memory", "32Ti", false),
    EPHEMERAL_STORAGE("ephemeral-storage", "1Pi", false),
    NVIDIA_GPU("nvidia.com/gpu", "16", true),
    AMD_GPU("amd.com/gpu", "16", true);

    /** How a number of GPUs is written: digits only, the one form that the CRD's CEL rules can check exactly. */
    static final String WHOLE_NUMBER = "^[0-9]+$";

    private final String resourceName;
    private final String maximum;
    private final boolean extended;

    WorkerResource(String resourceName, String maximum, boolean extended) {
        this.resourceName = resourceName;
        this.maximum = maximum;
        this.extended = extended;
    }

    /** The name in requests and limits, e.g. {@code nvidia.com/gpu}. */
    public String resourceName() {
        return resourceName;
    }

    /** The largest request or limit, as a quantity. */
    public String maximum() {
        return maximum;
    }

    BigDecimal maximumValue() {
        return KubernetesQuantity.value(maximum).orElseThrow();
    }

    /** Whether it is an extended resource: whole numbers, request equal to the limit. */
    public boolean extended() {
        return extended;
    }

    public static Optional<WorkerResource> named(String name) {
        return Arrays.stream(values()).filter(resource -> resource.resourceName.equals(name)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    static String names(boolean extendedOnly) {
        return Arrays.stream(values()).filter(resource -> resource.extended || !extendedOnly)
                .map(WorkerResource::resourceName).collect(Collectors.joining(", "));
    }
}
