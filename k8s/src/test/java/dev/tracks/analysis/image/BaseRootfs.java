package dev.tracks.analysis.image;

import dev.tracks.analysis.controlplane.TestBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Debian base the images are built on, in place of their public base images (which no registry here serves):
 * the root filesystem {@code k8s/testbin/base-rootfs} makes once and caches outside the repository (that script also
 * installs runc).
 */
final class BaseRootfs {

    static final String SCRIPT = "k8s/testbin/base-rootfs";

    private static Path tarball;

    private BaseRootfs() {
    }

    /** The base's tarball (an image layer), built on first use. */
    static synchronized Path tarball() {
        if (tarball == null) {
            Path script = TestBinaries.repositoryRoot().resolve(SCRIPT);
            try {
                // The script's progress (a minute on a cold machine) goes to the test's output as it comes.
                Process process = new ProcessBuilder("bash", script.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
                if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0 || lines.isEmpty()) {
                    throw new IllegalStateException(script + " failed (its output is above)");
                }
                tarball = Path.of(lines.get(lines.size() - 1));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + script, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!Files.isRegularFile(tarball)) {
                throw new IllegalStateException(script + " named " + tarball + ", which is not a file");
            }
        }
        return tarball;
    }
}
