package dev.tracks.analysis.api.health;

import dev.tracks.analysis.api.ApiTestEnvironment;
import dev.tracks.analysis.api.local.ApiMode;
import dev.tracks.analysis.controlplane.UsesControlPlane;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Readiness follows the Kubernetes API: up against the real API server, down when nothing answers. */
@QuarkusTest
@WithTestResource(ApiTestEnvironment.class)
@UsesControlPlane
class KubernetesApiHealthCheckTest {

    @Test
    void readinessReportsTheKubernetesApiUp() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.findAll { it.name == 'Kubernetes API' }.status", hasItem("UP"));
    }

    @Test
    void anUnreachableApiServerIsDown() {
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build()) {
            KubernetesApiHealthCheck check = new KubernetesApiHealthCheck(unreachable, ApiMode.KUBERNETES,
                    ApiTestEnvironment.NAMESPACE, Duration.ofMillis(500));

            HealthCheckResponse response = check.call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).get().extracting(data -> data.get("error")).isNotNull();
        }
    }
}
