package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The write requests the API server has served, by verb and resource (its own {@code apiserver_request_total}
 * counter from /metrics, so every client counts: the operator, the benchmark, the controllers and the node agent).
 * Two readings subtract to what was written in between.
 */
record ApiServerWrites(Map<String, Long> byRequest) {

    private static final Pattern SAMPLE = Pattern.compile("^apiserver_request_total\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION");

    static ApiServerWrites read(ControlPlane controlPlane) {
        CommandResult metrics = controlPlane.kubectl("get", "--raw", "/metrics");
        if (metrics.exitCode() != 0) {
            throw new IllegalStateException("cannot read the API server's metrics: " + metrics.stderr());
        }
        Map<String, Long> counts = new HashMap<>();
        metrics.stdout().lines().map(SAMPLE::matcher).filter(Matcher::matches).forEach(sample -> {
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(1));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            String verb = labels.getOrDefault("verb", "");
            if (WRITES.contains(verb)) {
                String subresource = labels.getOrDefault("subresource", "");
                String request = verb + " " + labels.getOrDefault("resource", "")
                        + (subresource.isEmpty() ? "" : "/" + subresource);
                counts.merge(request, (long) Double.parseDouble(sample.group(2)), Long::sum);
            }
        });
        return new ApiServerWrites(counts);
    }

    ApiServerWrites since(ApiServerWrites earlier) {
        Map<String, Long> difference = new HashMap<>();
        byRequest.forEach((request, count) -> {
            long written = count - earlier.byRequest.getOrDefault(request, 0L);
            if (written > 0) {
                difference.put(request, written);
            }
        });
        return new ApiServerWrites(difference);
    }

    long of(String request) {
        return byRequest.getOrDefault(request, 0L);
    }

    long total() {
        return byRequest.values().stream().mapToLong(Long::longValue).sum();
    }

    /** E.g. {@code 4.02 writes per task: POST jobs 1.00, APPLY analysistasks/status 1.00, ...}, most first. */
    String per(int items, String item) {
        return String.format("%.2f writes per %s: ", (double) total() / items, item)
                + new TreeMap<>(byRequest).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> String.format("%s %.2f", entry.getKey(), (double) entry.getValue() / items))
                .collect(Collectors.joining(", "));
    }
}
