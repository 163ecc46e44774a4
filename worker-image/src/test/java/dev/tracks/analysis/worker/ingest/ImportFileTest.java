package dev.tracks.analysis.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportFileTest {

    @Test
    void theUserIsTheGivenOneElseTheGeoLifeFolderElseAGpxOrPltFilesName() {
        assertThat(ImportFile.named("Data/153/Trajectory/x.plt", ImportFormat.PLT, "me").userId()).isEqualTo("me");
        assertThat(ImportFile.named("Data/153/Trajectory/x.plt", ImportFormat.PLT, null).userId()).isEqualTo("153");
        assertThat(ImportFile.named("a.zip!/153/trajectory/x.plt", ImportFormat.PLT, null).userId()).isEqualTo("153");
        assertThat(ImportFile.named("Trajectory/20081023025304.plt", ImportFormat.PLT, null).userId())
                .as("no user folder above Trajectory: the file's name").isEqualTo("20081023025304");
        assertThat(ImportFile.named("/tracks/morning-walk.gpx.gz", ImportFormat.GPX, null).userId())
                .isEqualTo("morning-walk");
        assertThat(ImportFile.named("C:\\\\tracks\\\\ride.gpx", ImportFormat.GPX, null).userId()).isEqualTo("ride");
        assertThat(ImportFile.named("153/Trajectory/export.csv", ImportFormat.CSV, null).userId())
                .as("a CSV names its users").isNull();
    }

    @Test
    void compressionAndArchivesAreToldByName() {
        assertThat(ImportFormat.ofFileName("day.CSV.gz")).contains(ImportFormat.CSV);
        assertThat(ImportFormat.ofFileName("tracks.zip")).isEmpty();
        assertThat(ImportFile.isZip("Tracks.ZIP")).isTrue();
        assertThat(ImportFile.isGzip("x.plt.gz")).isTrue();
        assertThat(ImportFile.isGzip("x.plt")).isFalse();
    }
}
