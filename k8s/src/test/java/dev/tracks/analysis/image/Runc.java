package dev.tracks.analysis.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * runc (Debian's package, installed by {@code k8s/testbin/base-rootfs}), running OCI bundles in a directory of its
 * own: each container gets {@code <directory>/<id>/config.json}, runc keeps its state in {@code <directory>/state}.
 * Needs root. crun is not used: it refuses this host's hybrid cgroup layout.
 */
public final class Runc {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public Runc(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** How a container's process ended: its exit code and what it wrote (standard output and error together). */
    public record Ended(int exitCode, String output) {
    }

    /** Runs a container to its end (killed after {@code timeout}). */
    public Ended run(String id, RuntimeSpec spec, Duration timeout) {
        try (Running container = start(id, spec)) {
            if (!container.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("container " + id + " still running after " + timeout + ":\n"
                        + container.output());
            }
            return new Ended(container.process().exitValue(), container.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a container; closing the handle stops it (SIGTERM, then SIGKILL) and removes it. */
    public Running start(String id, RuntimeSpec spec) {
        Path bundle = directory.resolve(id);
        try {
            Files.createDirectories(bundle);
            JSON.writeValue(bundle.resolve("config.json").toFile(), spec.toJson(id));
            Path log = bundle.resolve("output.log");
            Process process = new ProcessBuilder(runc("run", "--bundle", bundle.toString(), id))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                            Path.of("/dev/null").toFile())).start();
            return new Running(this, id, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start container " + id + " (is runc installed?"
                    + " k8s/testbin/base-rootfs installs it)", e);
        }
    }

    /** A running container: its id, the {@code runc run} process, the file its output goes to. */
    public record Running(Runc runc, String id, Process process, Path log) implements AutoCloseable {

        public boolean isAlive() {
            return process.isAlive();
        }

        /** What the container's process wrote so far. */
        public String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Runs another process in the container, as its user, with its environment (runc exec). */
        public Ended exec(String... args) {
            List<String> command = runc.runc("exec", id);
            command.addAll(List.of(args));
            return ImageCommands.exec(command);
        }

        @Override
        public void close() {
            try {
                if (process.isAlive()) {
                    ImageCommands.exec(runc.runc("kill", id, "TERM"));
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        ImageCommands.exec(runc.runc("kill", id, "KILL"));
                        process.waitFor(10, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ImageCommands.exec(runc.runc("delete", "--force", id));
            }
        }
    }

    private List<String> runc(String... args) {
        List<String> command = new ArrayList<>(List.of("runc", "--root", directory.resolve("state").toString()));
        command.addAll(List.of(args));
        return command;
    }
}
