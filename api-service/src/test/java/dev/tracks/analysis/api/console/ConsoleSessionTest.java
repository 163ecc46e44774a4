package dev.tracks.analysis.api.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.tracks.analysis.api.TestIdentities;
import dev.tracks.analysis.api.local.LocalModeEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The console's login over HTTP: the token goes into an HttpOnly, SameSite=Strict cookie of /console that the console
 * presents to the admin API's security; without it a page sends the browser to the login page. The admin API itself
 * is unchanged: it does not read the cookie.
 */
@QuarkusTest
@WithTestResource(LocalModeEnvironment.class)
class ConsoleSessionTest {

    @Test
    void withoutTheCookieAPageSendsTheBrowserToTheLogin() {
        given().redirects().follow(false).get("/console/tasks").then().statusCode(303)
                .header("Location", endsWith("/console/login"));
        given().redirects().follow(false).get("/console").then().statusCode(303)
                .header("Location", endsWith("/console/login"));
        given().header("HX-Request", "true").get("/console/tasks/rows").then().statusCode(401)
                .header("HX-Redirect", endsWith("/console/login"));
        given().get("/console/login").then().statusCode(200).contentType("text/html")
                .body(containsString("<label for=\"token\">"));
    }

    @Test
    void theLoginKeepsTheTokenInAnHttpOnlyStrictCookieThatThePagesAccept() {
        given().redirects().follow(false).formParam("token", TestIdentities.ADMIN_TOKEN).post("/console/login")
                .then().statusCode(303).header("Location", endsWith("/console/tasks"))
                .header("Set-Cookie", allOf(containsString(ConsoleSession.COOKIE + "=" + TestIdentities.ADMIN_TOKEN),
                        containsString("Path=/console"), containsString("HttpOnly"),
                        containsString("SameSite=Strict")));
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN).get("/console/tasks").then()
                .statusCode(200).contentType("text/html").body(containsString("<h1>Tasks</h1>"));
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, "not-a-token-of-this-install")
                .get("/console/tasks").then().statusCode(303)
                .header("Location", endsWith("/console/login?expired=true"));
        given().redirects().follow(false).post("/console/logout").then().statusCode(303)
                .header("Set-Cookie", allOf(containsString(ConsoleSession.COOKIE + "="), containsString("Max-Age=0")));
    }

    /**
     * Cross-site request forgery: a post with the console's cookie from another origin, or saying nowhere where it
     * comes from, is refused before it reaches a page (the chain would otherwise have been triggered: 303); from the
     * console's own origin it passes. The browser tests post the same forms from the console's pages.
     */
    @Test
    void aPostWithTheCookieFromAnotherOriginIsRefused() {
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .header("Origin", "https://evil.example").formParam("task_type", "INCREMENTAL")
                .post("/console/chain").then().statusCode(403)
                .body(containsString("from https://evil.example to the console at localhost:"));
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .header("Referer", "http://localhost.evil.example/console/chain").formParam("task_type", "INCREMENTAL")
                .post("/console/chain").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .formParam("task_type", "INCREMENTAL").post("/console/chain").then().statusCode(403)
                .body(containsString("must say where it comes from"));
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("token", TestIdentities.ADMIN_TOKEN).post("/console/login").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .header("Origin", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port)
                .formParam("task_type", "NEITHER").post("/console/chain").then().statusCode(422)
                .body(containsString("<h1>The analysis chain</h1>"));
    }

    /** The map's data endpoints check their input like the admin API: 422 naming the field and what is allowed. */
    @Test
    void theMapsDataRefusesBadInputNamingTheField() {
        String view = "&south=47&west=8&north=48&east=9";
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN).get("/console/results/trips?zoom=3" + view)
                .then().statusCode(422).body("field", equalTo("user_id"));
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .get("/console/results/trips?user_id=u&zoom=3.5" + view).then().statusCode(422)
                .body("field", equalTo("zoom")).body("detail", containsString("whole zoom level"));
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .get("/console/results/trips?user_id=u&zoom=3&south=50&west=8&north=48&east=9").then().statusCode(422)
                .body("field", equalTo("south"));
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .get("/console/results/basemap?south=47&west=8&north=48&east=181&degrees_per_pixel=0.001").then()
                .statusCode(422).body("field", equalTo("east")).body("detail", containsString("-180.0 to 180.0"));
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN)
                .get("/console/results/trips?user_id=nobody&zoom=3" + view).then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void theAdminApiDoesNotReadTheCookie() {
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN).get("/api/admin/analysis/tasks").then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    /** The pages are for browsers: the admin API's document (and its fuzzer) leaves them out. */
    @Test
    void theApiDocumentHasNoConsolePath() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", not(hasItem(startsWith("/console"))))
                .body("paths.keySet()", hasItem("/api/admin/analysis/tasks"));
    }

    @Test
    void aFilterTheApiRefusesIsShownAsItSaidIt() {
        given().cookie(ConsoleSession.COOKIE, TestIdentities.ADMIN_TOKEN).queryParam("sort", "colour")
                .get("/console/tasks/rows").then().statusCode(200)
                .body(containsString("sort: must be one of [created_at, id, priority, skill_name, status,"
                        + " updated_at]"));
    }
}
