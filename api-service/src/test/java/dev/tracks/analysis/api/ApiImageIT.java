package dev.tracks.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import dev.tracks.analysis.image.BuiltImage;
import dev.tracks.analysis.image.ContainerChecks;
import dev.tracks.analysis.image.DockerfileSources;
import dev.tracks.analysis.image.Runc;
import dev.tracks.analysis.schema.TestDatabase;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API service's JVM image, really built and run: built from its Dockerfile on the Debian base in place of the
 * public one (target/images/api-service.oci.tar), read back, unpacked and started with runc as the chart's pod runs
 * it (user 185, a read-only root filesystem, a tmpfs /tmp for the emptyDir, no capabilities), with the tests' real
 * PostgreSQL (embedded, on the host) and real API server: it migrates its schema there, reports both healthy and
 * answers an authenticated request.
 * What is not real: the base (Debian's Java 17, not UBI's), the runtime around runc (no kubelet or containerd), the
 * host's network in place of a pod network and Services, and cluster-admin client certificates (in environment
 * variables) in place of its ServiceAccount. The native Dockerfile copies the native executable, which needs
 * GraalVM/Mandrel and cannot be built here; only its form is checked.
 */
@RealKubernetes
class ApiImageIT {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    private static final String DATABASE = "api_image";

    @RegisterExtension
    static final BuiltImage IMAGE = new BuiltImage(DOCKERFILE, "tracks/api-service:dev");

    @Test
    void everyPathTheJvmDockerfileCopiesExists() throws IOException {
        assertThat(DockerfileSources.of(DOCKERFILE)).hasSize(4);
        assertThat(DockerfileSources.missing(DOCKERFILE, Path.of("."))).isEmpty();
    }

    @Test
    void theNativeDockerfileCopiesTheRunner() throws IOException {
        assertThat(DockerfileSources.of(Path.of("src/main/docker/Dockerfile.native")))
                .containsExactly("target/*-runner");
    }

    @Test
    void theServiceStartsFromItsImageWithItsDatabaseAndApiServer(ControlPlane controlPlane, KubernetesClient client)
            throws SQLException, IOException, InterruptedException {
        controlPlane.applyTaskCrd();
        String namespace = "api-image-test";
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).serverSideApply();
        DataSource database = TestDatabase.emptyDatabase(DATABASE);
        int port = ContainerChecks.freePort();
        Map<String, String> env = new HashMap<>(controlPlane.clientEnvironment());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("TRACKS_DB_URL", TestDatabase.jdbcUrl(DATABASE));
        env.put("TRACKS_DB_USER", "postgres");
        env.put("TRACKS_NAMESPACE", namespace);
        env.put("TRACKS_ADMIN_TOKENS", "ci:" + TestIdentities.ADMIN_TOKEN);

        try (Runc.Running api = IMAGE.start(IMAGE.pod(List.of(), env, true))) {
            Duration timeout = Duration.ofSeconds(90);
            String ready = ContainerChecks.awaitOk(api, URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
                    timeout).body();
            assertThat(ready).contains("\"status\": \"UP\"", "Database connections health check");
            assertThat(ContainerChecks.awaitOk(api, URI.create("http://127.0.0.1:" + port + "/q/health/live"),
                    timeout).body()).contains("\"status\": \"UP\"");
            HttpResponse<String> tasks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/api/admin/analysis/tasks")).header("Authorization",
                    TestIdentities.adminToken()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
            assertThat(tasks.body()).contains("\"total\":0");
            try (Connection connection = database.getConnection(); ResultSet migrations = connection
                    .createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                migrations.next();
                assertThat(migrations.getInt(1)).as("migrations the container applied").isPositive();
            }
            ContainerChecks.assertNonRootWithOnlyTmpWritable(api.exec(ContainerChecks.WRITE_PROBE
                    .toArray(String[]::new)));
        } finally {
            client.namespaces().withName(namespace).delete();
        }
    }
}
