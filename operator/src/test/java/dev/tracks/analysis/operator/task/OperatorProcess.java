package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.controlplane.BackgroundProcess;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.task.WorkerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The packaged operator ({@code target/quarkus-app}) as its own process against the test control plane, as it runs
 * in a cluster: configured through the environment, its workers replaced by {@link StandInWorker}.
 */
final class OperatorProcess implements AutoCloseable {

    static final String LEASE_NAMESPACE = "default";

    private final Process process;
    private final int httpPort;

    private OperatorProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Where the operator serves health and metrics. */
    URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    /** Starts a replica named {@code identity} (its name in the leader-election Lease). */
    static OperatorProcess start(ControlPlane controlPlane, String identity, Map<String, String> extraEnv) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: the operator's integration tests run after package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String workerClasspath = String.join(":", Path.of("target", "test-classes").toAbsolutePath().toString(),
                location(WorkerContract.class));
        Path log = Path.of("target", "operator.log").toAbsolutePath();
        // As in the operator's container (the chart's javaOpts): a 512Mi memory limit (MaxRAM, the JVM sizes its heap
        // by it), SerialGC, C1 only and 512k thread stacks.
        List<String> command = new ArrayList<>(List.of(java, "-XX:MaxRAM=512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k"));
        // The benchmark's -Dbenchmark.operatorJvm, e.g. a profiler: -XX:StartFlightRecording=filename=...
        Arrays.stream(System.getProperty("benchmark.operatorJvm", "").split(" "))
                .filter(option -> !option.isBlank()).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KUBECONFIG", controlPlane.kubeconfig().toString());
        env.put("TRACKS_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", LEASE_NAMESPACE);
        env.put("TRACKS_OPERATOR_LEADER_ELECTION_IDENTITY", identity);
        env.put("TRACKS_OPERATOR_WORKER_COMMAND", String.join(",", List.of(java, "-cp", workerClasspath,
                StandInWorker.class.getName())));
        int httpPort = freePort();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.putAll(extraEnv);
        try {
            return new OperatorProcess(builder.start(), httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the operator", e);
        }
    }

    /**
     * The sum of a metric's samples on the operator's /q/metrics: {@code name} is the metric's name (all label sets),
     * optionally with its first labels ({@code jvm_memory_used_bytes{area="heap"}).
     */
    double metric(String name) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith(name) && line.length() > name.length()
                            && "{ ,}".indexOf(line.charAt(name.length())) >= 0)
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operator's peak resident memory so far (VmHWM), in MiB. */
    long peakResidentMiB() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the operator at once (SIGKILL), as a crash would. */
    void kill() {
        process.destroyForcibly();
        BackgroundProcess.stop(process);
    }

    @Override
    public void close() {
        BackgroundProcess.stop(process);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
