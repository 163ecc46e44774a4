package dev.tracks.analysis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The admin API needs an admin: a static token or an OIDC bearer token with the admin role (verified by signature
 * against the configured key, as with an identity provider's keys). Health, metrics and the OpenAPI document are open.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class AuthenticationTest {

    private static final String TASKS = "/api/admin/analysis/tasks";

    @Test
    void withoutCredentialsOrWithWrongOnesTheApiAnswers401AsAProblemWithItsChallenge() {
        assertUnauthenticated(given().get(TASKS));
        assertUnauthenticated(given().header("Authorization", "Bearer not-the-token-at-all-0000").get(TASKS));
        assertUnauthenticated(given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get(TASKS));
        assertUnauthenticated(given().contentType(ContentType.JSON).body("{}").post(TASKS));
        assertUnauthenticated(given().get(TASKS + "/42"));
    }

    /** The permission is checked once a route matched: an unknown path is a 404 also for a caller without token. */
    @Test
    void anUnknownPathIsNotFoundWithOrWithoutCredentials() {
        given().get("/api/admin/analysis/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", TestIdentities.adminToken()).get("/api/admin/analysis/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static void assertUnauthenticated(Response response) {
        response.then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("status", equalTo(401))
                .body("title", equalTo("Unauthorized")).body("detail", containsString("bearer token"));
    }

    @Test
    void anOidcTokenNeedsTheAdminRole() {
        given().header("Authorization", TestIdentities.oidcToken("alice", TestIdentities.ADMIN_ROLE)).get(TASKS)
                .then().statusCode(200);
        given().header("Authorization", TestIdentities.oidcToken("bob", "viewer")).get(TASKS).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403))
                .body("detail", containsString("admin role"));
    }

    @Test
    void theCreatorIsTheCallersIdentity() {
        given().header("Authorization", TestIdentities.oidcToken("alice", TestIdentities.ADMIN_ROLE))
                .contentType(ContentType.JSON).body("{\"skill_name\": \"data_import\", \"params\":"
                        + " {\"source\": \"https://example.invalid/track.gpx\"}}")
                .post(TASKS).then().statusCode(201).body("created_by", equalTo("alice"));
    }

    @Test
    void healthMetricsAndTheApiDocumentAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
