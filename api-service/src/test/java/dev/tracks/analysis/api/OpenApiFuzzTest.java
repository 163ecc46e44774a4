package dev.tracks.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the admin API from its own OpenAPI document with schemathesis (installed by src/test/fuzz/schemathesis into
 * a cache outside the repository): generated requests, valid and invalid, against the running service on the real
 * API server and PostgreSQL. No request may end in a server error.
 */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class OpenApiFuzzTest {

    @TestHTTPResource("/q/openapi")
    URL openApi;

    @Test
    void noGeneratedRequestGetsAServerError() throws IOException, InterruptedException {
        Path report = Path.of("target", "schemathesis", "report.json");
        Files.createDirectories(report.getParent());
        Process fuzz = new ProcessBuilder(List.of("src/test/fuzz/schemathesis", "run", openApi + "?format=json",
                "--header", "Authorization: " + TestIdentities.adminToken(),
                "--checks", "not_a_server_error", "--max-examples", "15", "--seed", "20261128",
                "--phases", "examples,coverage,fuzzing", "--workers", "1", "--request-timeout", "30",
                "--report", "json", "--report-json-path", report.toString()))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "schemathesis", "output.txt").toFile())
                .start();
        assertThat(fuzz.waitFor(15, TimeUnit.MINUTES)).as("schemathesis finished in time").isTrue();
        String output = Files.readString(Path.of("target", "schemathesis", "output.txt"));
        assertThat(fuzz.exitValue()).as(output).isZero();
        JsonNode cases = new ObjectMapper().readTree(report.toFile()).get("test_cases");
        System.out.printf("schemathesis: %d cases generated, %d with failures, %d errored%n",
                cases.get("generated").asInt(), cases.get("with_failures").asInt(), cases.get("errored").asInt());
        assertThat(cases.get("generated").asInt()).as("generated cases").isGreaterThan(100);
        assertThat(cases.get("with_failures").asInt()).as("cases with a server error").isZero();
        assertThat(cases.get("errored").asInt()).as("cases that errored").isZero();
    }
}
