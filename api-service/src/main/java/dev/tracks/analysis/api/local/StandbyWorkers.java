package dev.tracks.analysis.api.local;

import dev.tracks.analysis.task.WorkerContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Worker processes started ahead of need and reused ({@link WorkerContract#ENV_STANDBY}): each loads what a run needs
 * once, then takes attempts in turn, each with its own environment and log. Handing one an attempt takes
 * milliseconds where a fresh worker JVM takes most of a second before it works and then runs its code cold
 * (docs/benchmarks.md, "Local run"), which a chain would pay at each level. The pool keeps {@code size} workers, busy
 * or idle: a worker that dies (a stopped attempt is a killed worker) is replaced, and one that has served
 * {@link #ATTEMPTS_PER_WORKER} attempts is retired and replaced, which bounds what an attempt could leave behind in a
 * JVM. A worker's own output between attempts goes to a {@code standby-*.log}. Should the service die, the workers'
 * stdin ends and they exit.
 */
final class StandbyWorkers implements AutoCloseable {

    /** An attempt handed to a standby worker: its process (stopping the attempt stops it) and its exit code. */
    record Lease(Process process, CompletableFuture<Integer> exit) {
    }

    private static final int ATTEMPTS_PER_WORKER = 100;
    private static final Logger LOG = Logger.getLogger(StandbyWorkers.class);
    private static final String LOG_PREFIX = "standby-";

    private final List<String> command;
    private final Path logDir;
    private final Map<String, String> environment;
    private final int size;
    private final Deque<Worker> idle = new ArrayDeque<>();
    private final Set<Worker> all = new HashSet<>();
    private boolean closed;

    /**
     * @param environment what every attempt's environment holds (the database), given to each worker at its start
     * @param size        how many workers to keep; 0 starts every attempt as a fresh worker
     */
    StandbyWorkers(List<String> command, Path logDir, Map<String, String> environment, int size) {
        this.command = List.copyOf(command);
        this.logDir = logDir;
        this.environment = Map.copyOf(environment);
        this.size = size;
    }

    /** Starts workers until the pool has its size; a failure to start one is logged, and attempts start fresh. */
    synchronized void fill() {
        try {
            while (!closed && all.size() < size) {
                Worker worker = new Worker();
                all.add(worker);
                idle.add(worker);
            }
        } catch (IOException e) {
            LOG.warnf("local mode: cannot start a standby worker (%s): %s; attempts start fresh workers",
                    String.join(" ", command), e.getMessage());
        }
    }

    /**
     * Hands the attempt to an idle worker, which appends its output to {@code attemptLog}; empty when none is idle.
     */
    synchronized Optional<Lease> handOff(Map<String, String> attemptEnvironment, Path attemptLog) {
        Map<String, String> attempt = new HashMap<>(attemptEnvironment);
        attempt.put(WorkerContract.ENV_ATTEMPT_LOG, attemptLog.toString());
        for (Worker worker = idle.poll(); worker != null; worker = idle.poll()) {
            try {
                return Optional.of(worker.take(attempt));
            } catch (IOException e) {
                LOG.warnf("local mode: a standby worker did not take its attempt (%s); trying another", e.getMessage());
                worker.process.destroyForcibly();
            }
        }
        return Optional.empty();
    }

    /** Stops every worker, idle or busy (the caller has stopped the busy ones' attempts first). */
    @Override
    public void close() {
        List<Worker> workers;
        synchronized (this) {
            closed = true;
            workers = List.copyOf(all);
        }
        for (Worker worker : workers) {
            worker.process.destroyForcibly();
            try {
                worker.process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Removes the logs of workers an earlier run left behind (killed before it could stop them). */
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

    /** An attempt ended: its worker goes back to the idle ones, or is retired after its share of attempts. */
    private synchronized void ended(Worker worker) {
        if (worker.attempts >= ATTEMPTS_PER_WORKER || closed) {
            all.remove(worker);
            worker.retire();
            fill();
        } else {
            idle.add(worker);
        }
    }

    /** A worker's process ended (stopped with its attempt, retired, or crashed): a new one takes its place. */
    private synchronized void died(Worker worker) {
        idle.remove(worker);
        all.remove(worker);
        fill();
    }

    /** One worker process and the thread that reads its reports. */
    private final class Worker {

        final Process process;
        final Path log;
        int attempts;
        private CompletableFuture<Integer> current;

        Worker() throws IOException {
            Files.createDirectories(logDir);
            log = Files.createTempFile(logDir, LOG_PREFIX, ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put(WorkerContract.ENV_STANDBY, "1");
            process = builder.start();
            Thread reader = new Thread(this::readReports, "standby-worker-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** Sends the attempt; the returned exit completes when the worker reports the attempt's end, or dies. */
        synchronized Lease take(Map<String, String> attempt) throws IOException {
            current = new CompletableFuture<>();
            attempts++;
            OutputStream stdin = process.getOutputStream();
            stdin.write(WorkerContract.standbyAttempt(attempt));
            stdin.flush();
            return new Lease(process, current);
        }

        void retire() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                process.destroy();
            }
        }

        private void readReports() {
            try (BufferedReader reports = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reports.readLine(); line != null; line = reports.readLine()) {
                    if (line.startsWith(WorkerContract.STANDBY_EXIT)) {
                        int code = Integer.parseInt(line.substring(WorkerContract.STANDBY_EXIT.length()).strip());
                        CompletableFuture<Integer> exit = finish();
                        ended(this);
                        // Completed once the worker is idle again: the round this wakes finds it ready.
                        if (exit != null) {
                            exit.complete(code);
                        }
                    } else {
                        LOG.debugf("standby worker %d: %s", process.pid(), line);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                LOG.debugf("standby worker %d: reports ended: %s", process.pid(), e.getMessage());
            }
            int code = process.onExit().join().exitValue();
            CompletableFuture<Integer> exit = finish();
            died(this);
            if (exit != null) {
                exit.complete(code);
            }
            try {
                if (Files.size(log) == 0) {
                    Files.delete(log);
                } else {
                    LOG.warnf("standby worker %d ended with code %d; its own output is in %s", process.pid(), code,
                            log);
                }
            } catch (IOException e) {
                LOG.debugf("standby worker %d: cannot remove %s: %s", process.pid(), log, e.getMessage());
            }
        }

        private synchronized CompletableFuture<Integer> finish() {
            CompletableFuture<Integer> exit = current;
            current = null;
            return exit;
        }
    }
}
