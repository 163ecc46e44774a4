package dev.tracks.analysis.worker.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The API service in its local mode as a child process: the same admin API as on a cluster, with tasks in PostgreSQL
 * run as worker processes. Its output goes to a log file, which every error here names.
 */
final class ApiService {

    private final Process process;
    private final Path log;

    private ApiService(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ApiService start(Path quarkusRunJar, Map<String, String> environment, Path log) throws IOException {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IOException("no API service at " + quarkusRunJar + "; build it with"
                    + " ./mvnw -pl api-service package -DskipTests, or give --api-service");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-jar", quarkusRunJar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Should this JVM end some other way than through stop(), the service must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new ApiService(process, log);
    }

    /**
     * Polls readiness every half second; an exit or the timeout is an error naming the log.
     *
     * @return false if a stop was requested first
     */
    boolean awaitReady(AdminApi api, Duration timeout, StopSignals stop) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!api.ready()) {
            if (!process.isAlive()) {
                throw new IOException("the API service exited with code " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the API service was not ready after " + timeout.toSeconds() + " s; see " + log);
            }
            if (stop.await(Duration.ofMillis(500))) {
                return false;
            }
        }
        return true;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, so that it stops its workers and records their state; killed only if that takes longer than
     * {@code grace}.
     */
    void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
