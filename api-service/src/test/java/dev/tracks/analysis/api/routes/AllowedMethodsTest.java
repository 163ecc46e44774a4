package dev.tracks.analysis.api.routes;

import static io.restassured.RestAssured.given;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Allow names exactly the methods of the path's route: on a 405 and on OPTIONS. */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class AllowedMethodsTest {

    private static RequestSpecification admin() {
        return given().header("Authorization", TestIdentities.adminToken());
    }

    @Test
    void aMethodThePathDoesNotHaveIsA405ListingThoseItHas() {
        admin().request("TRACE", "/api/admin/analysis/tasks/42").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", "DELETE, GET, HEAD, OPTIONS");
        admin().put("/api/admin/analysis/tasks").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, POST");
        admin().get("/api/admin/analysis/trigger-chain").then().statusCode(405).header("Allow", "OPTIONS, POST");
    }

    @Test
    void optionsListsTheMethodsOfThePathsOwnRoute() {
        admin().options("/api/admin/analysis/tasks").then().statusCode(200)
                .header("Allow", "GET, HEAD, OPTIONS, POST");
        admin().options("/api/admin/analysis/tasks/42").then().statusCode(200)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS");
        admin().options("/api/admin/analysis/chains/abc").then().statusCode(200)
                .header("Allow", "GET, HEAD, OPTIONS");
    }
}
