package dev.tracks.analysis.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A long-running component of the tests' cluster (controller-manager, kubelet, containerd ...), its output in a file. */
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
}
