package dev.tracks.analysis.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A module's image for its tests: built from the module's Dockerfile by {@link ImageBuilder} into
 * {@code target/images/<name>.oci.tar} (kept: the archive a container runtime imports), read back from that archive
 * and unpacked into a root filesystem under {@code target/image-run/<name>} (removed on close), whose containers runc
 * runs as the chart's pods run them.
 */
public final class BuiltImage implements AutoCloseable {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private final String name;
    private final Path archive;
    private final OciImage image;
    private final Path work;
    private final Runc runc;

    private BuiltImage(String name, Path archive, OciImage image, Path work) {
        this.name = name;
        this.archive = archive;
        this.image = image;
        this.work = work;
        this.runc = new Runc(work.resolve("containers"));
    }

    /** Builds {@code dockerfile} (context: the module's directory) as {@code reference}, e.g. tracks/worker:dev. */
    public static BuiltImage build(Path dockerfile, String reference) {
        String name = reference.substring(reference.lastIndexOf('/') + 1, reference.lastIndexOf(':'));
        Path archive = Path.of("target", "images", name + ".oci.tar").toAbsolutePath();
        Path work = Path.of("target", "image-run", name).toAbsolutePath();
        try {
            ImageBuilder.build(dockerfile, Path.of("."), reference, archive);
            long start = System.nanoTime();
            ImageCommands.run("rm", "-rf", work.toString());
            OciImage image = OciImage.readArchive(archive, Files.createDirectories(work.resolve("archive")));
            image.unpack(Files.createDirectories(work.resolve("rootfs")));
            // As kubelet gives each container an /etc/hosts of its own.
            Files.writeString(work.resolve("hosts"), "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n");
            System.out.println("[image] " + reference + " read back and unpacked in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return new BuiltImage(name, archive, image, work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + reference + " from " + dockerfile, e);
        }
    }

    /** The image as read back from its archive. */
    public OciImage image() {
        return image;
    }

    public Path archive() {
        return archive;
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
        return runc.run(containerId(), spec, Duration.ofMinutes(2));
    }

    /** Starts a container; close the handle to stop it. */
    public Runc.Running start(RuntimeSpec spec) {
        return runc.start(containerId(), spec);
    }

    private String containerId() {
        return "tracks-" + name + "-" + ProcessHandle.current().pid() + "-" + CONTAINERS.incrementAndGet();
    }

    @Override
    public void close() {
        ImageCommands.run("rm", "-rf", work.toString());
    }
}
