package dev.tracks.analysis.api.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Requests no route took cannot add {@code uri} tag values: whoever sends them, with or without a token, the values
 * stay the API's route templates plus NOT_FOUND and UNMATCHED, far below Micrometer's cap of 100.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class HttpMetricsTest {

    private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{.*uri=\"([^\"]*)\"",
            Pattern.MULTILINE);
    private static final int REQUESTS = 150;

    @Test
    void requestsToManyDistinctPathsAddNoUriTagValues() {
        for (int i = 0; i < REQUESTS; i++) {
            given().get("/api/admin/analysis/probe-" + i).then().statusCode(404);
            given().get("/api/admin/analysis/tasks/" + i).then().statusCode(401);
            given().header("Authorization", TestIdentities.adminToken()).request("TRACE",
                    "/api/admin/analysis/tasks/" + i).then().statusCode(405);
            given().header("Authorization", TestIdentities.adminToken()).patch("/api/admin/analysis/probe-" + i)
                    .then().statusCode(404);
        }

        Set<String> uris = new TreeSet<>();
        Matcher tag = URI_TAG.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        while (tag.find()) {
            uris.add(tag.group(1));
        }
        assertThat(uris).as("uri tag values").contains("NOT_FOUND", UnmatchedRequests.UNMATCHED,
                "/api/admin/analysis/tasks/{id}");
        assertThat(uris).as("uri tag values").noneMatch(uri -> uri.contains("probe-") || uri.matches(".*/\\d+$"));
        assertThat(uris.size()).as("distinct uri tag values: " + uris).isLessThan(30);
    }
}
