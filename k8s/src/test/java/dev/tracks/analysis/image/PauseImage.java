package dev.tracks.analysis.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The image of a real node's pod sandboxes (the "pause" container that holds a pod's namespaces): the Debian base
 * with {@code sleep infinity} as its command, since no registry here serves the usual registry.k8s.io/pause. Written
 * once beside the base in its cache (keyed by the base's name) and reused.
 */
public final class PauseImage {

    public static final String REFERENCE = "tracks/pause:node";

    private PauseImage() {
    }

    /** The image's OCI archive, written on first use. */
    public static synchronized Path archive() {
        Path base = BaseRootfs.tarball();
        Path archive = base.resolveSibling("pause-node-" + base.getFileName());
        if (!Files.isRegularFile(archive)) {
            ImageConfig config = ImageConfig.debianBase().withCmd(List.of("sleep", "infinity"));
            new OciImage(config, List.of(Layer.of(base))).writeArchive(archive, REFERENCE);
        }
        return archive;
    }
}
