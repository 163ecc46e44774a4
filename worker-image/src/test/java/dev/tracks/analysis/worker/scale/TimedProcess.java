package dev.tracks.analysis.worker.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program run to its end or to a time limit, its output (stdout and stderr) kept in a log file. At the limit the
 * program and its child processes get SIGTERM, and SIGKILL 20 s later if still running. analyze's embedded
 * PostgreSQL is not among its children (pg_ctl detaches the server): analyze stops it in its own shutdown on SIGTERM.
 *
 * @param seconds wall time from start to exit (or to the kill)
 * @param exitCode the exit code; null when killed at the limit
 * @param output what the program printed
 */
record TimedProcess(double seconds, Integer exitCode, String output) {

    private static final Duration GRACE = Duration.ofSeconds(20);

    static TimedProcess run(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        // Ctrl-C on the benchmark must not leave a JVM and a PostgreSQL running.
        Thread cleanup = new Thread(() -> stopTree(process.toHandle()));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!exited) {
                stopTree(process.toHandle());
            }
            return new TimedProcess(seconds, exited ? process.exitValue() : null,
                    Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    boolean completed() {
        return exitCode != null && exitCode == 0;
    }

    /** The last lines of the output, for a failure's message. */
    String tail(int lines) {
        List<String> all = output.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = root.descendants().toList();
        root.destroy();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle each : Stream.concat(Stream.of(root), tree.stream()).toList()) {
            try {
                each.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                each.destroyForcibly();
            }
        }
    }
}
