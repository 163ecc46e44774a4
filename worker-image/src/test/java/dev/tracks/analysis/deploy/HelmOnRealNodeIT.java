package dev.tracks.analysis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.TestBinaries;
import dev.tracks.analysis.image.ImageBuilder;
import dev.tracks.analysis.node.HostDatabase;
import dev.tracks.analysis.node.OnRealNode;
import dev.tracks.analysis.node.RealNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chart installed for real (issue 20, item 3): the three images built from their Dockerfiles and imported into
 * the {@link RealNode}'s containerd, {@code helm install} of deploy/tracks-analysis with them (IfNotPresent: nothing
 * is pulled), PostgreSQL on the host behind a Service ({@link HostDatabase}). The operator (two replicas, one leader)
 * and the API service come up as Ready pods; tasks run as Job pods of the worker image.
 * Needs the operator's and the API service's packages: run in the full build (this module comes last) or after
 * {@code ./mvnw package} of those modules.
 */
@OnRealNode
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelmOnRealNodeIT {

    static final String RELEASE = "tracks";
    static final String NAMESPACE = "tracks-node";
    static final String TAG = "dev";
    static final String DB_PASSWORD = "node-test-password";
    static final String ADMIN_TOKEN = "node-test-admin-token-0123456789";
    private static final Duration POD_START = Duration.ofMinutes(5);

    private static HostDatabase database;

    @BeforeAll
    static void install(RealNode node, ControlPlane controlPlane, KubernetesClient client) throws IOException {
        Path root = TestBinaries.repositoryRoot();
        for (String[] image : new String[][] {
                {"worker-image/Dockerfile", "worker-image", "tracks/worker"},
                {"operator/src/main/docker/Dockerfile.jvm", "operator", "tracks/operator"},
                {"api-service/src/main/docker/Dockerfile.jvm", "api-service", "tracks/api-service"}}) {
            Path context = root.resolve(image[1]);
            if (!Files.isDirectory(context.resolve("target"))) {
                throw new IllegalStateException(context + " is not packaged: run ./mvnw package -pl " + image[1]);
            }
            Path archive = Path.of("target", "images", "node-" + image[1] + ".oci.tar").toAbsolutePath();
            ImageBuilder.build(root.resolve(image[0]), context, image[2] + ":" + TAG, archive);
            node.importImage(archive);
        }
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        database = HostDatabase.start(Path.of("target", "host-database"), "tracks", "tracks", DB_PASSWORD);
        String databaseAddress = database.expose(client, NAMESPACE, node.hostIp());
        CommandResult crd = controlPlane.kubectl("apply", "--server-side", "-f",
                root.resolve("deploy/tracks-analysis/crds").toString());
        assertThat(crd.exitCode()).as(crd.toString()).isZero();
        CommandResult install = controlPlane.helm("install", RELEASE, root.resolve("deploy/tracks-analysis")
                        .toString(), "--namespace", NAMESPACE, "--wait=false",
                "--set", "global.image.tag=" + TAG,
                "--set", "database.url=jdbc:postgresql://" + databaseAddress + ":" + HostDatabase.SERVICE_PORT
                        + "/tracks",
                "--set", "database.password=" + DB_PASSWORD,
                "--set", "apiService.auth.staticTokens.tokens.ci=" + ADMIN_TOKEN,
                "--set", "operator.replicas=2");
        assertThat(install.exitCode()).as(install.toString()).isZero();
    }

    @AfterAll
    static void removeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void theOperatorAndTheApiServiceBecomeReadyFromTheProjectsImages(KubernetesClient client) {
        await(POD_START, () -> ready(client, "operator") == 2 && ready(client, "api") == 1,
                () -> "operator and API pods Ready: " + pods(client));
        for (Pod pod : client.pods().inNamespace(NAMESPACE).list().getItems()) {
            assertThat(pod.getSpec().getNodeName()).isEqualTo(RealNode.NAME);
            assertThat(pod.getSpec().getContainers().get(0).getImage()).startsWith("tracks/").endsWith(":" + TAG);
            assertThat(pod.getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("IfNotPresent");
        }
    }

    static long ready(KubernetesClient client, String component) {
        return client.pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/component", component).list()
                .getItems().stream().filter(pod -> pod.getStatus().getConditions().stream().anyMatch(condition ->
                        condition.getType().equals("Ready") && condition.getStatus().equals("True"))).count();
    }

    static String pods(KubernetesClient client) {
        StringBuilder text = new StringBuilder();
        for (Pod pod : client.pods().inNamespace(NAMESPACE).list().getItems()) {
            text.append('\n').append(pod.getMetadata().getName()).append(' ').append(pod.getStatus().getPhase())
                    .append(' ').append(pod.getStatus().getContainerStatuses());
        }
        return text.toString();
    }

    static void await(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s; " + state.get());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static List<String> lines(CommandResult result) {
        return result.stdout().lines().toList();
    }
}
