package dev.tracks.analysis.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** What the image tests check of a container: who it runs as, where it can write, whether its service answers. */
public final class ContainerChecks {

    /**
     * Prints the user and group ids, writes and reads a file in /tmp, then tries to write to the root filesystem; the
     * refusal goes to stdout too, so that it always comes after the lines before it (stderr would race with them).
     */
    public static final List<String> WRITE_PROBE = List.of("/bin/sh", "-c", "id -u; id -g; echo written > /tmp/probe"
            + " && cat /tmp/probe; touch /deployments/probe 2>&1");

    private ContainerChecks() {
    }

    /** The {@link #WRITE_PROBE}'s end: user and group 185, /tmp writable, the root read-only even where 185 owns it. */
    public static void assertNonRootWithOnlyTmpWritable(Runc.Ended probe) {
        assertThat(probe.output()).as("user, group, /tmp").startsWith("185\n185\nwritten\n");
        assertThat(probe.output()).as("the root filesystem, even where user 185 owns the directory")
                .contains("Read-only file system");
        assertThat(probe.exitCode()).isNotZero();
    }

    /** A TCP port free on the host, for a service on the host's network. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@code uri} until it answers 200; fails at once, with the container's output, if the container ends, or
     * after {@code timeout}.
     */
    public static HttpResponse<String> awaitOk(Runc.Running container, URI uri, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!container.isAlive()) {
                throw new AssertionError("the container ended before " + uri + " answered 200:\n" + container.output());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(uri + " did not answer 200 within " + timeout + " (last: " + last + "):\n"
                + container.output());
    }
}
