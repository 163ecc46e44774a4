package dev.tracks.analysis.api.local;

import dev.tracks.analysis.task.WorkerContract;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Worker processes started ahead of need ({@link WorkerContract#ENV_STANDBY}): each has started its JVM and loaded
 * what a run needs, and waits on stdin for an attempt's environment. Handing it an attempt takes a few milliseconds
 * where a fresh worker JVM takes half a second or more before it works (docs/benchmarks.md, "Local run"), which a
 * chain pays once per level. A replacement starts right after each hand-off. A standby writes to a log of its own,
 * which the hand-off renames to the attempt's log. Should the service die, the standbys' stdin ends and they exit.
 */
final class StandbyWorkers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StandbyWorkers.class);
    private static final String LOG_PREFIX = "standby-";

    private record Standby(Process process, Path log) {
    }

    private final List<String> command;
    private final Path logDir;
    private final Map<String, String> environment;
    private final int count;
    private final Deque<Standby> ready = new ArrayDeque<>();

    /**
     * @param environment what every attempt's environment holds (the database); each attempt's own comes at hand-off
     * @param count       how many to keep ready; 0 starts every attempt as a fresh worker
     */
    StandbyWorkers(List<String> command, Path logDir, Map<String, String> environment, int count) {
        this.command = List.copyOf(command);
        this.logDir = logDir;
        this.environment = Map.copyOf(environment);
        this.count = count;
    }

    /** Starts standbys until {@code count} are ready; a failure to start one is logged, and attempts start fresh. */
    synchronized void fill() {
        ready.removeIf(standby -> !standby.process().isAlive() && discard(standby));
        try {
            while (ready.size() < count) {
                ready.add(start());
            }
        } catch (IOException e) {
            LOG.warnf("local mode: cannot start a standby worker (%s): %s; attempts start fresh workers",
                    String.join(" ", command), e.getMessage());
        }
    }

    /**
     * Hands the attempt to a ready standby, whose output goes to {@code attemptLog} from now on; empty when none is
     * ready (or {@code attemptLog} already exists: a fresh worker appends to it).
     */
    synchronized Optional<Process> handOff(Map<String, String> attemptEnvironment, Path attemptLog) {
        while (!ready.isEmpty() && !Files.exists(attemptLog)) {
            Standby standby = ready.poll();
            if (!standby.process().isAlive()) {
                discard(standby);
                continue;
            }
            try {
                Files.move(standby.log(), attemptLog);
                try (OutputStream stdin = standby.process().getOutputStream()) {
                    stdin.write(entries(attemptEnvironment));
                }
                return Optional.of(standby.process());
            } catch (IOException e) {
                LOG.warnf("local mode: a standby worker did not take its attempt (%s); starting a fresh one",
                        e.getMessage());
                standby.process().destroyForcibly();
            }
        }
        return Optional.empty();
    }

    /** Stops the standbys that are still waiting. */
    @Override
    public synchronized void close() {
        ready.forEach(this::discard);
        ready.clear();
    }

    /** Removes the logs of standbys an earlier run left behind (killed before it could stop them). */
    void removeLeftoverLogs() {
        if (!Files.isDirectory(logDir)) {
            return;
        }
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(logDir, LOG_PREFIX + "*.log")) {
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NAME=value entries, each ended by a NUL byte: the layout {@link WorkerContract#ENV_STANDBY} names. */
    static byte[] entries(Map<String, String> environment) {
        StringBuilder out = new StringBuilder();
        environment.forEach((name, value) -> out.append(name).append('=').append(value).append('\0'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Standby start() throws IOException {
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, LOG_PREFIX, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put(WorkerContract.ENV_STANDBY, "1");
        return new Standby(builder.start(), log);
    }

    private boolean discard(Standby standby) {
        standby.process().destroyForcibly();
        try {
            standby.process().waitFor();
            Files.deleteIfExists(standby.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debugf("local mode: cannot remove %s: %s", standby.log(), e.getMessage());
        }
        return true;
    }
}
