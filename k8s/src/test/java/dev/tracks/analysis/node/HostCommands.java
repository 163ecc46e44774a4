package dev.tracks.analysis.node;

import dev.tracks.analysis.controlplane.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The host commands the real node's set-up and clean-up run (ctr, ip, iptables, umount, its scripts). */
final class HostCommands {

    private HostCommands() {
    }

    /** Runs the command; fails, with its output, unless it exits 0. Returns its standard output. */
    static String run(List<String> command) {
        CommandResult result = exec(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result);
        }
        return result.stdout();
    }

    /** Runs the command to its end (ten minutes at most); its standard error goes to the test's output too. */
    static CommandResult exec(List<String> command) {
        try {
            Path err = Files.createTempFile("host-command", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
                String out = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + command);
                }
                return new CommandResult(process.exitValue(), out, Files.readString(err));
            } finally {
                Files.delete(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The host's address on its default route (the one the API server advertises and pods reach the host by). */
    static String defaultRouteSource() {
        String route = run(List.of("ip", "-4", "-o", "route", "get", "1.1.1.1"));
        String[] words = route.trim().split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("src")) {
                return words[i + 1];
            }
        }
        throw new IllegalStateException("no source address in '" + route.trim() + "'");
    }

    /** Unmounts every mount point under {@code directory}, the deepest first. */
    static void unmountUnder(Path directory) {
        String prefix = directory.toAbsolutePath().normalize() + "/";
        List<String> mountPoints = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String mountPoint = line.split(" ")[4].replace("\\040", " ");
                if (mountPoint.startsWith(prefix)) {
                    mountPoints.add(mountPoint);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mountPoints.sort(Comparator.comparingInt(String::length).reversed());
        for (String mountPoint : mountPoints) {
            exec(List.of("umount", "-l", mountPoint));
        }
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
