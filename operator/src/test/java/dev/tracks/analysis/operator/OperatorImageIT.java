package dev.tracks.analysis.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import dev.tracks.analysis.image.BuiltImage;
import dev.tracks.analysis.image.ContainerChecks;
import dev.tracks.analysis.image.DockerfileSources;
import dev.tracks.analysis.image.Runc;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's image, really built and run: built from its Dockerfile on the Debian base in place of the public
 * one (target/images/operator.oci.tar), read back, unpacked and started with runc as the chart's pod runs it (user
 * 185, a read-only root filesystem, a tmpfs /tmp for the emptyDir, no capabilities), against the real API server of
 * the tests; it answers its health endpoints and takes its leader-election Lease there. What is not real: the base
 * (Debian's Java 17, not UBI's), the runtime around runc (no kubelet or containerd), the host's network in place of a
 * pod network, and cluster-admin client certificates (in environment variables) in place of its ServiceAccount.
 */
@RealKubernetes
class OperatorImageIT {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

    @RegisterExtension
    static final BuiltImage IMAGE = new BuiltImage(DOCKERFILE, "tracks/operator:dev");

    @Test
    void everyPathTheDockerfileCopiesExists() throws IOException {
        assertThat(DockerfileSources.of(DOCKERFILE)).contains("target/quarkus-app/lib/",
                "target/quarkus-app/quarkus-run.jar");
        assertThat(DockerfileSources.missing(DOCKERFILE, Path.of("."))).isEmpty();
    }

    @Test
    void theOperatorStartsFromItsImageAndIsHealthy(ControlPlane controlPlane, KubernetesClient client) {
        controlPlane.applyTaskCrd();
        String leaseNamespace = "operator-image-lease";
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(leaseNamespace).endMetadata()
                .build()).serverSideApply();
        int port = ContainerChecks.freePort();
        Map<String, String> env = new HashMap<>(controlPlane.clientEnvironment());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("TRACKS_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", leaseNamespace);
        env.put("TRACKS_OPERATOR_LEADER_ELECTION_IDENTITY", "operator-image");

        try (Runc.Running operator = IMAGE.start(IMAGE.pod(List.of(), env, true))) {
            Duration timeout = Duration.ofSeconds(90);
            assertThat(ContainerChecks.awaitOk(operator, URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
                    timeout).body()).contains("\"status\": \"UP\"");
            assertThat(ContainerChecks.awaitOk(operator, URI.create("http://127.0.0.1:" + port + "/q/health/live"),
                    timeout).body()).contains("\"status\": \"UP\"");
            await().atMost(timeout).untilAsserted(() -> assertThat(client.leases().inNamespace(leaseNamespace)
                    .withName("tracks-operator").get()).as("its Lease on the API server").isNotNull()
                    .extracting(lease -> lease.getSpec().getHolderIdentity()).isEqualTo("operator-image"));
            ContainerChecks.assertNonRootWithOnlyTmpWritable(operator.exec(ContainerChecks.WRITE_PROBE
                    .toArray(String[]::new)));
        } finally {
            client.namespaces().withName(leaseNamespace).delete();
        }
    }
}
