package dev.tracks.analysis.worker.standby;

import dev.tracks.analysis.task.WorkerContract;
import dev.tracks.analysis.worker.skill.SkillRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * A worker started before its attempt is known ({@link WorkerContract#ENV_STANDBY}): the local mode keeps one ready,
 * so that a task whose dependencies just ended does not wait for a JVM to start and load a run's classes
 * (docs/benchmarks.md, "Local run"). It does that work first, then blocks on stdin for the attempt's environment and
 * runs the command line with it, exactly as a worker started with that environment would.
 */
public final class Standby {

    private Standby() {
    }

    /** Whether this process was started as a standby worker. */
    public static boolean requested() {
        return System.getenv(WorkerContract.ENV_STANDBY) != null;
    }

    /**
     * Loads what a run needs, then waits for the attempt's environment on {@code input} and makes it
     * {@code commandLine}'s and {@link WorkerEnvironment}'s.
     *
     * @throws IOException when the input ends without any entry: the launcher went away before handing an attempt
     */
    public static void await(CommandLine commandLine, InputStream input) throws IOException {
        warmUp();
        Map<String, String> environment = parse(input.readAllBytes());
        if (environment.isEmpty()) {
            throw new IOException("standby: the input ended before an attempt's environment came");
        }
        WorkerEnvironment.receive(environment);
        EnvironmentDefaults.install(commandLine, WorkerEnvironment::get);
    }

    /** {@code NAME=value} entries, each ended by a NUL byte (the layout of /proc/PID/environ). */
    static Map<String, String> parse(byte[] input) {
        Map<String, String> environment = new LinkedHashMap<>();
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        for (byte b : input) {
            if (b != 0) {
                entry.write(b);
                continue;
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
        if (entry.size() > 0) {
            throw new IllegalArgumentException("standby: the environment's last entry is not ended by a NUL byte");
        }
        return environment;
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
