package dev.tracks.analysis.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import dev.tracks.analysis.task.KubernetesQuantity;
import io.fabric8.kubernetes.api.model.Quantity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes the API as it is on the wire, checked by schemathesis (installed by
 * src/test/fuzz/schemathesis into a cache outside the repository): requests generated from the document, valid and
 * invalid, against the running service on the real API server and PostgreSQL, each answer checked against the
 * document.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class OpenApiFuzzTest {

    /**
     * Every answer is checked: no server error; status, content type, headers and body as documented; a request the
     * document forbids is refused and one it allows is accepted (422 also counts as accepting: see
     * src/test/fuzz/schemathesis.toml); resources created in the stateful phase are there; an operation needing a
     * token refuses a request without one; a required header missing is refused; a method the path does not have
     * is a 405 and Allow (also on OPTIONS) lists those it has. Not checked, and why: use_after_free (DELETE
     * /tasks/{id} cancels a task, which stays readable as Cancelled history: a GET after it is 200 by design);
     * object_level_authorization (one role, the admin, sees everything).
     */
    private static final List<String> CHECKS = List.of("not_a_server_error", "status_code_conformance",
            "content_type_conformance", "response_headers_conformance", "response_schema_conformance",
            "negative_data_rejection", "positive_data_acceptance", "ensure_resource_availability", "ignored_auth",
            "missing_required_header", "unsupported_method", "allow_header_conformance");

    @TestHTTPResource("/q/openapi")
    URL openApi;

    @Test
    void everyGeneratedRequestIsAnsweredAsTheDocumentSays() throws IOException, InterruptedException {
        Path report = Path.of("target", "schemathesis", "report.json");
        Files.createDirectories(report.getParent());
        List<String> command = new ArrayList<>(List.of("src/test/fuzz/schemathesis",
                "--config-file", "src/test/fuzz/schemathesis.toml", "run", openApi + "?format=json",
                "--header", "Authorization: " + TestIdentities.adminToken(),
                "--checks", String.join(",", CHECKS), "--max-examples", "15", "--seed", "20261128",
                "--phases", "examples,coverage,fuzzing,stateful", "--workers", "1", "--request-timeout", "30",
                "--continue-on-failure", "--report", "json", "--report-json-path", report.toString()));
        Process fuzz = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "schemathesis", "output.txt").toFile()).start();
        assertThat(fuzz.waitFor(15, TimeUnit.MINUTES)).as("schemathesis finished in time").isTrue();
        String output = Files.readString(Path.of("target", "schemathesis", "output.txt"));
        assertThat(fuzz.exitValue()).as(output).isZero();
        JsonNode cases = new ObjectMapper().readTree(report.toFile()).get("test_cases");
        System.out.printf("schemathesis: %d cases generated, %d with failures, %d errored%n",
                cases.get("generated").asInt(), cases.get("with_failures").asInt(), cases.get("errored").asInt());
        assertThat(cases.get("generated").asInt()).as("generated cases").isGreaterThan(100);
        assertThat(cases.get("with_failures").asInt()).as("cases with a failed check").isZero();
        assertThat(cases.get("errored").asInt()).as("cases that errored").isZero();
    }

    /** What a client generated from the document relies on first: the field names, the statuses, the errors. */
    @Test
    void theDocumentNamesFieldsAsTheWireDoesAndCreatesAs201() throws IOException {
        JsonNode document = new ObjectMapper().readTree(given().get(openApi + "?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode schemas = document.at("/components/schemas");
        assertThat(schemas.at("/TaskRequest/properties").fieldNames()).toIterable()
                .contains("skill_name", "task_type", "depends_on", "max_retries")
                .doesNotContain("skillName", "taskType", "dependsOn");
        assertThat(schemas.at("/TaskRequest/required").toString()).contains("skill_name");
        assertThat(schemas.at("/TaskView/properties").fieldNames()).toIterable()
                .contains("skill_name", "depends_on_task_ids", "created_at").doesNotContain("skillName");
        JsonNode quantity = schemas.get(Quantity.class.getName());
        assertThat(schemas.at("/ResourceRequirements/properties/limits/additionalProperties/$ref").asText())
                .isEqualTo("#/components/schemas/" + Quantity.class.getName());
        assertThat(quantity.get("pattern").asText()).isEqualTo(KubernetesQuantity.PATTERN);
        assertThat(quantity.get("maxLength").asInt()).isEqualTo(KubernetesQuantity.MAX_LENGTH);
        JsonNode paths = document.get("paths");
        for (String create : List.of("/api/admin/analysis/tasks", "/api/admin/analysis/trigger-chain",
                "/api/admin/analysis/imports")) {
            JsonNode responses = paths.at("/" + create.replace("/", "~1") + "/post/responses");
            assertThat(responses.fieldNames()).toIterable().as(create).contains("201", "400", "401", "403", "422")
                    .doesNotContain("200");
            assertThat(responses.at("/201/headers/Location").isMissingNode()).as(create + " Location").isFalse();
            assertThat(responses.at("/422/content/application~1problem+json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Problem");
        }
        assertThat(paths.at("/~1api~1admin~1analysis~1tasks~1{id}/delete/responses").fieldNames()).toIterable()
                .contains("202", "404", "409");
        assertThat(paths.at("/~1api~1admin~1analysis~1tasks/get/security").toString()).contains("SecurityScheme");
    }
}
