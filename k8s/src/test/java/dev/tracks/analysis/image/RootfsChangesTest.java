package dev.tracks.analysis.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer records exactly what a step changed: new and modified paths, and whiteouts for removed ones. */
class RootfsChangesTest {

    @Test
    void aLayerHoldsTheChangedPathsAndWhiteoutsForTheRemovedTrees(@TempDir Path dir) throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.createDirectories(rootfs.resolve("etc/old/deep"));
        Files.writeString(rootfs.resolve("etc/old/deep/file"), "gone");
        Files.writeString(rootfs.resolve("etc/kept"), "same");
        Files.writeString(rootfs.resolve("etc/edited"), "before");
        RootfsChanges.Snapshot before = RootfsChanges.Snapshot.of(rootfs);

        ImageCommands.run("rm", "-rf", rootfs.resolve("etc/old").toString());
        Files.writeString(rootfs.resolve("etc/edited"), "after, longer");
        Files.createDirectories(rootfs.resolve("app"));
        Files.writeString(rootfs.resolve("app/new"), "new");
        Files.createSymbolicLink(rootfs.resolve("app/link"), Path.of("new"));
        RootfsChanges changes = before.to(RootfsChanges.Snapshot.of(rootfs));

        assertThat(changes.changed()).containsExactly("app", "app/link", "app/new", "etc", "etc/edited");
        assertThat(changes.removed()).as("only the top of a removed tree").containsExactly("etc/old");

        Layer layer = Layer.write(rootfs, changes, dir.resolve("layer.tar"));
        List<String> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(layer.file()))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry.getName() + (entry.isSymbolicLink() ? " -> " + entry.getLinkName() : ""));
            }
        }
        assertThat(entries).containsExactly("app/", "app/link -> new", "app/new", "etc/", "etc/edited",
                "etc/.wh.old");
        assertThat(layer.digest()).isEqualTo(Layer.of(layer.file()).digest()).startsWith("sha256:");

        Path unpacked = Files.createDirectories(dir.resolve("unpacked/etc/old"));
        new OciImage(ImageConfig.debianBase(), List.of(layer)).unpack(unpacked.getParent().getParent());
        assertThat(unpacked).as("the whiteout removed it").doesNotExist();
        assertThat(dir.resolve("unpacked/etc/edited")).hasContent("after, longer");
        assertThat(Files.readSymbolicLink(dir.resolve("unpacked/app/link"))).isEqualTo(Path.of("new"));
    }
}
