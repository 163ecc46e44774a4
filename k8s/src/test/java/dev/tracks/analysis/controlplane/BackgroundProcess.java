package dev.tracks.analysis.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process of the tests (controller-manager, kubelet, containerd, the packaged operator or API service
 * ...): started with its output in a file, stopped with a grace.
 */
public final class BackgroundProcess {

    private BackgroundProcess() {
    }

    /** Starts {@code command}; fails, naming the log, if it exits within {@code seconds} (a bad flag, a busy port). */
    public static Process start(String name, List<String> command, Path logFile, int seconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " exited at once with " + process.exitValue() + "; see "
                        + logFile);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops {@code process}: SIGTERM, up to 20 s for it to end, then SIGKILL and up to 10 s more. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
