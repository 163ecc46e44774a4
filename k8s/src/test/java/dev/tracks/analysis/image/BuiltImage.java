package dev.tracks.analysis.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A module's image for its tests, as a JUnit extension of the test class ({@code @RegisterExtension static}): before
 * the class's tests it is built from the module's Dockerfile by {@link ImageBuilder} into
 * {@code target/images/<name>.oci.tar} (kept: the archive a container runtime imports), read back from that archive
 * and unpacked into a root filesystem under {@code target/image-run/<name>} (removed after the class), whose
 * containers runc runs as the chart's pods run them.
 */
public final class BuiltImage implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private final Path dockerfile;
    private final String reference;
    private final String name;
    private final Path work;
    private OciImage image;

    /** {@code dockerfile} (context: the module's directory) built as {@code reference}, e.g. tracks/worker:dev. */
    public BuiltImage(Path dockerfile, String reference) {
        this.dockerfile = dockerfile;
        this.reference = reference;
        this.name = reference.substring(reference.lastIndexOf('/') + 1, reference.lastIndexOf(':'));
        this.work = Path.of("target", "image-run", name).toAbsolutePath();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ImageBuilder.build(dockerfile, Path.of("."), reference, archive());
        long start = System.nanoTime();
        ImageCommands.run("rm", "-rf", work.toString());
        image = OciImage.readArchive(archive(), Files.createDirectories(work.resolve("archive")));
        image.unpack(Files.createDirectories(rootfs()));
        // As kubelet gives each container an /etc/hosts of its own.
        Files.writeString(work.resolve("hosts"), "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n");
        System.out.println("[image] " + reference + " read back and unpacked in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ImageCommands.run("rm", "-rf", work.toString());
    }

    /** The image as read back from its archive. */
    public OciImage image() {
        return image;
    }

    public Path archive() {
        return Path.of("target", "images", name + ".oci.tar").toAbsolutePath();
    }

    /** The unpacked root filesystem (read-only for the containers). */
    public Path rootfs() {
        return work.resolve("rootfs");
    }

    /**
     * A container of this image as the chart's pods run one ({@link RuntimeSpec#pod}), running {@code command} (the
     * image's entry point and arguments when empty) with the image's environment plus {@code env}.
     */
    public RuntimeSpec pod(List<String> command, Map<String, String> env, boolean hostNetwork) {
        return RuntimeSpec.pod(rootfs(), image.config(), command.isEmpty() ? image.config().command() : command,
                env, hostNetwork).withFile(work.resolve("hosts"), "/etc/hosts");
    }

    /** Runs a container to its end (two minutes at most). */
    public Runc.Ended run(RuntimeSpec spec) {
        return runc().run(containerId(), spec, Duration.ofMinutes(2));
    }

    /** Starts a container; close the handle to stop it. */
    public Runc.Running start(RuntimeSpec spec) {
        return runc().start(containerId(), spec);
    }

    private Runc runc() {
        return new Runc(work.resolve("containers"));
    }

    private String containerId() {
        return "tracks-" + name + "-" + ProcessHandle.current().pid() + "-" + CONTAINERS.incrementAndGet();
    }
}
