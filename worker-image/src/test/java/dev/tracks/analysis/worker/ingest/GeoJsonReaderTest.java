package dev.tracks.analysis.worker.ingest;

import static dev.tracks.analysis.worker.ingest.Imports.millis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.worker.ingest.Imports.Imported;
import org.junit.jupiter.api.Test;

class GeoJsonReaderTest {

    @Test
    void pointFeaturesTakeTheirTimeAndValuesFromProperties() {
        Imported imported = Imports.readResource(ImportFormat.GEOJSON, "points.geojson", null);

        assertThat(imported.fixes()).containsExactly(
                new ImportedFix("anna", millis("2020-05-01T06:00:00Z"), 47.37, 8.54, 410, 12, Double.NaN, Double.NaN,
                        null),
                ImportedFix.of("anna", millis("2020-05-01T06:01:00Z"), 47.38, 8.55, Double.NaN));
        assertThat(imported.report().unit()).isEqualTo(LocationUnit.FEATURE);
        assertThat(imported.rejectionTexts()).containsExactly(
                "features[2] position 0: time missing",
                "features[3] position 0: geometry type Polygon is not supported"
                        + " [Point, MultiPoint, LineString, MultiLineString]");
        assertThat(imported.report().rows()).isEqualTo(4);
    }

    @Test
    void lineStringsPairEachPositionWithItsTime() {
        Imported imported = Imports.readResource(ImportFormat.GEOJSON, "track.geojson", "u");

        assertThat(imported.fixes()).extracting(ImportedFix::epochMillis).containsExactly(
                millis("2020-05-01T06:00:00Z"), millis("2020-05-01T06:00:10Z"), millis("2020-05-01T06:00:20Z"),
                millis("2020-05-01T07:00:00Z"), millis("2020-05-01T07:00:05Z"), millis("2020-05-01T07:00:10Z"));
        assertThat(imported.fixes()).extracting(ImportedFix::lon)
                .containsExactly(179.999, -179.999, -179.998, 8.0, 8.001, 8.002);
        assertThat(imported.fixes()).extracting(ImportedFix::altitudeMeters)
                .containsExactly(5.0, 6.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertThat(imported.rejectionTexts()).containsExactly(
                "features[2] position 0: geometry has 2 positions but 1 times",
                "features[2] position 1: geometry has 2 positions but 1 times");
        assertThat(imported.report().rows()).isEqualTo(8);
    }

    @Test
    void aLoneMovingFeaturesStyleFeatureIsFeatureZero() {
        String json = "{\"type\":\"Feature\",\"properties\":{\"datetimes\":[\"2018-12-31T06:00:00Z\","
                + "\"2018-12-31T12:00:00Z\"]},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[111.9,7.6],[111.3,\"x\"]]}}";

        Imported imported = Imports.read(ImportFormat.GEOJSON, json, "ship");

        assertThat(imported.fixes()).singleElement()
                .isEqualTo(ImportedFix.of("ship", millis("2018-12-31T06:00:00Z"), 7.6, 111.9, Double.NaN));
        assertThat(imported.rejectionTexts())
                .containsExactly("features[0] position 1: position needs numbers for lon and lat");
    }

    @Test
    void withoutUserIdTheUserPropertyIsNeeded() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{\"time\":\"2020-01-01T00:00:00Z\"}}]}";

        assertThat(Imports.read(ImportFormat.GEOJSON, json, null).rejectionTexts())
                .containsExactly("features[0] position 0: user id missing");
        assertThat(Imports.read(ImportFormat.GEOJSON, json, "u").report().accepted()).isEqualTo(1);
    }

    @Test
    void brokenJsonFailsAtTheFeatureBeingReadAfterTheOnesBefore() {
        String json = "{\"features\":[\n"
                + "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{\"time\":1577836800}},\n"
                + "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2}}\n]}";

        ImportReport report = Imports.read(ImportFormat.GEOJSON, json, "u").report();

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.failure().location()).isEqualTo(1);
        assertThat(report.failure().reason()).startsWith("not well-formed JSON at line 3");
        assertThat(report.shouldImport(1)).isFalse();
    }

    @Test
    void aDocumentWithoutFeaturesFails() {
        assertThat(Imports.read(ImportFormat.GEOJSON, "[1, 2]", "u").report().failure().reason())
                .isEqualTo("not a GeoJSON object");
        assertThat(Imports.read(ImportFormat.GEOJSON, "{\"type\":\"Point\",\"coordinates\":[1,2]}", "u").report()
                .failure().reason()).isEqualTo("neither a FeatureCollection nor a Feature");
    }

    @Test
    void entriesThatAreNotFeaturesAreRejectedRows() {
        String json = "{\"features\":[7,{\"geometry\":null,\"properties\":{}}]}";

        assertThat(Imports.read(ImportFormat.GEOJSON, json, "u").rejectionTexts()).containsExactly(
                "features[0] position 0: feature is not a JSON object",
                "features[1] position 0: feature has no geometry");
        assertThat(Imports.read(ImportFormat.GEOJSON, "{\"type\":\"Feature\",\"geometry\":null}", "u")
                .rejectionTexts()).containsExactly("features[0] position 0: feature has no geometry");
    }
}
