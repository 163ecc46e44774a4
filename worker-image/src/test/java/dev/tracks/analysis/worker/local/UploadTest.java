package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTest {

    @TempDir
    Path dir;

    @Test
    void withoutInputsTheBundledSampleIsCopiedOutOfTheJarAndNamesItsOwnUsers() throws IOException {
        List<Upload> uploads = Upload.of(List.of(), null, dir);

        assertThat(uploads).containsExactly(new Upload(dir.resolve("tracks-sample.csv"), "CSV", null));
        assertThat(Files.readString(dir.resolve("tracks-sample.csv"))).startsWith("user_id,tracked_at,")
                .contains("\nsample-1,", "\nsample-3,");
    }

    @Test
    void aGpxFileIsItsNamesUserAndCsvKeepsItsColumnUnlessAUserIsGiven() throws IOException {
        Path tracks = Files.createDirectories(dir.resolve("tracks"));
        Files.writeString(tracks.resolve("morning-run.gpx"), "<gpx/>");
        Files.writeString(tracks.resolve("phone.csv"), "user_id,tracked_at,latitude,longitude\n");

        assertThat(Upload.of(List.of(tracks), null, dir)).containsExactlyInAnyOrder(
                new Upload(tracks.resolve("morning-run.gpx"), "GPX", "morning-run"),
                new Upload(tracks.resolve("phone.csv"), "CSV", null));
        assertThat(Upload.of(List.of(tracks), "me", dir)).extracting(Upload::userId).containsOnly("me");
    }

    @Test
    void inputsWithoutTrackFilesAreAnError() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "no track here");
        assertThatThrownBy(() -> Upload.of(List.of(dir), null, dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("no GPX, PLT, CSV or GeoJSON files");
    }

    @Test
    void aGeoLifeFileIsSentUnderItsUserFolderAndAZipAsItIs() throws IOException {
        Path trajectory = Files.createDirectories(dir.resolve("Data/153/Trajectory"));
        Files.writeString(trajectory.resolve("20081023025304.plt"), "");
        Files.writeString(dir.resolve("Data/more.zip"), "");

        List<Upload> uploads = Upload.of(List.of(dir.resolve("Data")), null, dir);

        assertThat(uploads).containsExactly(new Upload(trajectory.resolve("20081023025304.plt"), "PLT", "153"),
                new Upload(dir.resolve("Data/more.zip"), "ZIP", null));
        assertThat(uploads).extracting(Upload::uploadName).containsExactly("153/Trajectory/20081023025304.plt",
                "more.zip");
    }
}
