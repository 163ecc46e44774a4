package dev.tracks.analysis.worker.standby;

import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * A worker started before its attempts are known ({@link WorkerContract#ENV_STANDBY}), which then takes attempts in
 * turn: the local mode keeps such workers ready, so that a task whose dependencies just ended waits neither for a JVM
 * to start nor for its code to be compiled again (docs/benchmarks.md, "Local run"). Each attempt runs a fresh command
 * line with the attempt's environment alone over the process's own, as a worker started with it would.
 */
public final class Standby {

    private Standby() {
    }

    /** Whether this process was started as a standby worker. */
    public static boolean requested() {
        return System.getenv(WorkerContract.ENV_STANDBY) != null;
    }

    /**
     * Takes attempts from {@code input} until it ends, each run as {@code args} on a command line from
     * {@code commandLines}, and reports each end on {@code control}; returns the process's exit code.
     */
    public static int serve(String[] args, Supplier<CommandLine> commandLines, InputStream input,
            PrintStream control) {
        AttemptOutput output = AttemptOutput.install();
        warmUp();
        InputStream entries = new BufferedInputStream(input);
        while (true) {
            Map<String, String> environment;
            try {
                Optional<Map<String, String>> next = next(entries);
                if (next.isEmpty()) {
                    return 0;
                }
                environment = next.get();
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("tracks-worker: " + e.getMessage());
                return WorkerContract.EXIT_NOT_RETRYABLE;
            }
            control.println(WorkerContract.STANDBY_EXIT + attempt(args, commandLines, environment, output));
            control.flush();
            // An idle worker should not hold what a large attempt grew its heap to: a full collection lets the
            // serial collector give it back (MaxHeapFreeRatio), in some milliseconds when little is live.
            System.gc();
        }
    }

    private static int attempt(String[] args, Supplier<CommandLine> commandLines, Map<String, String> environment,
            AttemptOutput output) {
        String log = environment.get(WorkerContract.ENV_ATTEMPT_LOG);
        if (log == null || log.isBlank()) {
            System.err.println("tracks-worker: standby: the attempt's environment has no "
                    + WorkerContract.ENV_ATTEMPT_LOG);
            return WorkerContract.EXIT_NOT_RETRYABLE;
        }
        try {
            output.startAttempt(Path.of(log));
        } catch (IOException e) {
            System.err.println("tracks-worker: standby: cannot write " + log + ": " + e.getMessage());
            return WorkerContract.EXIT_TRANSIENT;
        }
        WorkerEnvironment.receive(environment);
        CommandLine commandLine = commandLines.get();
        try {
            EnvironmentDefaults.install(commandLine, WorkerEnvironment::get);
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            WorkerEnvironment.receive(Map.of());
            try {
                output.endAttempt();
            } catch (IOException e) {
                System.err.println("tracks-worker: standby: cannot close " + log + ": " + e.getMessage());
            }
        }
    }

    /**
     * The next attempt's environment: {@code NAME=value} entries, each ended by a NUL byte, up to an empty entry
     * (the layout of /proc/PID/environ, then one NUL more); empty when the input ends before any entry.
     */
    static Optional<Map<String, String>> next(InputStream input) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        for (int b = input.read(); b >= 0; b = input.read()) {
            if (b != 0) {
                entry.write(b);
                continue;
            }
            if (entry.size() == 0) {
                return Optional.of(environment);
            }
            String text = entry.toString(StandardCharsets.UTF_8);
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("standby: an entry of the environment is not NAME=value: '"
                        + text + "'");
            }
            environment.put(text.substring(0, equals), text.substring(equals + 1));
            entry.reset();
        }
        if (environment.isEmpty() && entry.size() == 0) {
            return Optional.empty();
        }
        throw new IllegalArgumentException("standby: the input ended within an attempt's environment");
    }

    /** The classes every run initialises: the skills with their parameters, the JDBC driver. */
    private static void warmUp() {
        SkillRegistry.standard();
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL driver is not on the class path", e);
        }
    }
}
