package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWalkerTest {

    @TempDir
    Path dir;

    @Test
    void aGeoLifeTreeYieldsItsPltFilesInOrderWithTheUserFolderAsUser() throws IOException {
        Path root = Imports.resource("geolife");

        List<SourceFile> files = SourceWalker.expand(root, ImportFormat.AUTO, null);

        assertThat(files).extracting(file -> root.relativize(file.path()).toString()).containsExactly(
                "007/Trajectory/20081023025304.plt", "007/Trajectory/20081024020959.plt",
                "010/Trajectory/20070804033032.plt");
        assertThat(files).extracting(SourceFile::userId).containsExactly("007", "007", "010");
        assertThat(files).extracting(SourceFile::format).containsOnly(ImportFormat.PLT);
    }

    @Test
    void aGivenUserIdWinsOverTheFolder() throws IOException {
        List<SourceFile> files = SourceWalker.expand(Imports.resource("geolife"), ImportFormat.PLT, "alice");

        assertThat(files).extracting(SourceFile::userId).containsOnly("alice").hasSize(3);
    }

    @Test
    void aWalkedGeoLifeTreeReadsEveryFileForItsUser() throws IOException {
        long fixes = 0;
        for (SourceFile file : SourceWalker.expand(Imports.resource("geolife"), ImportFormat.AUTO, null)) {
            ImportReport report = FixReaders.read(file, ReaderOptions.defaults(), fix ->
                    assertThat(fix.userId()).isEqualTo(file.userId()));
            assertThat(report.shouldImport(0.05)).isTrue();
            fixes += report.accepted();
        }

        assertThat(fixes).isEqualTo(5);
    }

    @Test
    void directoriesYieldKnownFormatsSortedNameByNameAndSkipHiddenFiles() throws IOException {
        for (String name : List.of("b.gpx", "a-b/x.csv", "a/z.CSV", "a/track.geojson", "notes.txt", ".hidden.csv",
                ".git/c.csv", "sub/d.json", "e.plt")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }

        List<SourceFile> all = SourceWalker.expand(dir, ImportFormat.AUTO, null);
        List<SourceFile> csv = SourceWalker.expand(dir, ImportFormat.CSV, "u");

        assertThat(all).extracting(file -> dir.relativize(file.path()).toString()).containsExactly(
                "a/track.geojson", "a/z.CSV", "a-b/x.csv", "b.gpx", "e.plt", "sub/d.json");
        assertThat(all).extracting(SourceFile::format).containsExactly(ImportFormat.GEOJSON, ImportFormat.CSV,
                ImportFormat.CSV, ImportFormat.GPX, ImportFormat.PLT, ImportFormat.GEOJSON);
        assertThat(all).extracting(SourceFile::userId).as("e.plt is not in a GeoLife tree").containsOnlyNulls();
        assertThat(csv).extracting(file -> file.path().getFileName().toString()).containsExactly("z.CSV", "x.csv");
    }

    @Test
    void aSingleFileNeedsAKnownExtensionOrAFormat() throws IOException {
        Path export = Files.writeString(dir.resolve("export.txt"), "");

        assertThatThrownBy(() -> SourceWalker.expand(export, ImportFormat.AUTO, "u"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set format");
        assertThat(SourceWalker.expand(export, ImportFormat.CSV, "u"))
                .containsExactly(new SourceFile(export, ImportFormat.CSV, "u"));
        assertThatThrownBy(() -> SourceWalker.expand(dir.resolve("missing.csv"), ImportFormat.AUTO, "u"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void formatsAreToldByExtensionIgnoringCase() {
        assertThat(ImportFormat.ofFileName("Track.GPX")).contains(ImportFormat.GPX);
        assertThat(ImportFormat.ofFileName("20081023025304.plt")).contains(ImportFormat.PLT);
        assertThat(ImportFormat.ofFileName("https://host/p/points.csv")).contains(ImportFormat.CSV);
        assertThat(ImportFormat.ofFileName("a.geojson")).contains(ImportFormat.GEOJSON);
        assertThat(ImportFormat.ofFileName("a.json")).contains(ImportFormat.GEOJSON);
        assertThat(ImportFormat.ofFileName("labels.txt")).isEmpty();
        assertThat(ImportFormat.ofFileName("gpx")).isEmpty();
    }

    @Test
    void theGeoLifeUserIsTheFolderAboveTrajectory() {
        assertThat(SourceWalker.geoLifeUser(Path.of("/data/Data/153/Trajectory/20081023025304.plt"))).contains("153");
        assertThat(SourceWalker.geoLifeUser(Path.of("/data/153/20081023025304.plt"))).isEmpty();
        assertThat(SourceWalker.geoLifeUser(Path.of("/Trajectory/x.plt"))).isEmpty();
    }
}
