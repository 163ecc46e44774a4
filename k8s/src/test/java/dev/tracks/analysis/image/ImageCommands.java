package dev.tracks.analysis.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The host commands the image code runs (tar, rm, runc, the base script), each to its end within ten minutes. */
final class ImageCommands {

    private ImageCommands() {
    }

    /** Runs the command; fails, with its output, unless it exits 0. Returns its standard output. */
    static String run(String... command) {
        Runc.Ended ended = exec(List.of(command));
        if (ended.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + ended.exitCode() + ":\n"
                    + ended.output());
        }
        return ended.output();
    }

    /** Runs the command; its standard output and error together. */
    static Runc.Ended exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Runc.Ended(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
