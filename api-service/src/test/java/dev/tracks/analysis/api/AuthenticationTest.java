package dev.tracks.analysis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
    void withoutCredentialsOrWithWrongOnesTheApiAnswers401() {
        given().get(TASKS).then().statusCode(401);
        given().header("Authorization", "Bearer not-the-token-at-all-0000").get(TASKS).then().statusCode(401);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get(TASKS).then().statusCode(401);
    }

    @Test
    void anOidcTokenNeedsTheAdminRole() {
        given().header("Authorization", TestIdentities.oidcToken("alice", TestIdentities.ADMIN_ROLE)).get(TASKS)
                .then().statusCode(200);
        given().header("Authorization", TestIdentities.oidcToken("bob", "viewer")).get(TASKS).then().statusCode(403);
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
