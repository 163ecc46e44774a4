package dev.tracks.analysis.api.bench;

import dev.tracks.analysis.controlplane.BackgroundProcess;
import dev.tracks.analysis.controlplane.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app}) as its own process, configured through the environment as in its
 * container: its database, its namespace, one static admin token, and the Kubernetes client from a kubeconfig.
 */
final class ApiProcess implements AutoCloseable {

    static final String TOKEN = "benchmark-admin-token-2026";
    /** A 1 GiB container limit; below 1792 MB the JVM also chooses SerialGC, as in such a container. */
    static final String MAX_RAM = "-XX:MaxRAM=1g";

    private final Process process;
    private final int httpPort;

    private ApiProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static ApiProcess start(ControlPlane controlPlane, String jdbcUrl, String namespace) {
        return start(jdbcUrl, namespace, Map.of("KUBECONFIG", controlPlane.kubeconfig().toString()));
    }

    /** In the local mode: no Kubernetes API; tasks would run as worker processes (none is started here). */
    static ApiProcess startLocal(String jdbcUrl, String namespace) {
        return start(jdbcUrl, namespace, Map.of("TRACKS_API_MODE", "local"));
    }

    private static ApiProcess start(String jdbcUrl, String namespace, Map<String, String> mode) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run the benchmark after package (-Pbenchmark verify)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "api-benchmark-service.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(java, MAX_RAM, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        int httpPort = freePort();
        Map<String, String> env = builder.environment();
        env.putAll(mode);
        env.put("TRACKS_DB_URL", jdbcUrl);
        env.put("TRACKS_DB_USER", "postgres");
        env.put("TRACKS_DB_PASSWORD", "");
        env.put("TRACKS_NAMESPACE", namespace);
        env.put("TRACKS_ADMIN_TOKENS", "bench:" + TOKEN);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        ApiProcess started;
        try {
            started = new ApiProcess(builder.start(), httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the API service", e);
        }
        try {
            started.awaitReady(log);
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    /** The Prometheus text of /q/metrics. */
    String metrics(HttpClient http) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the API service exited with " + process.exitValue() + "; see "
                        + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the API service was not ready after 3 minutes; see " + log);
    }

    @Override
    public void close() {
        BackgroundProcess.stop(process);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
