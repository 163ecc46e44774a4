package dev.tracks.analysis.deploy;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code k8s/manifests/tracks-analysis.yaml}, for kubectl-only installs, is the chart rendered with its default
 * values (release and namespace {@code tracks-analysis}, CRD included). It must be up to date; after changing the
 * chart: {@code ./mvnw -pl k8s test -Dtest=PlainManifestsTest -Dmanifests.update=true}, then commit
 * {@code k8s/manifests/}.
 */
@RealKubernetes
class PlainManifestsTest {

    static final String NAMESPACE = "tracks-analysis";
    private static final Path CHECKED_IN = Path.of("manifests", "tracks-analysis.yaml");
    private static final String HEADER = """
            # Tracks Analysis for kubectl-only installs: the Helm chart deploy/tracks-analysis rendered with its default
            # values into the namespace tracks-analysis. Generated, do not edit; see the README ("Installing with
            # kubectl") and refresh with: ./mvnw -pl k8s test -Dtest=PlainManifestsTest -Dmanifests.update=true
            #   kubectl create namespace tracks-analysis
            #   kubectl apply --server-side -f k8s/manifests/tracks-analysis.yaml
            """;

    private final ControlPlane controlPlane;

    PlainManifestsTest(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    @Test
    void manifestsInGitAreTheChartRenderedWithDefaultValues() throws IOException {
        String rendered = HEADER + Chart.template(controlPlane, NAMESPACE, NAMESPACE, "--include-crds");
        if (Boolean.getBoolean("manifests.update")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, rendered);
        }
        assertThat(Files.readString(CHECKED_IN))
                .as("%s is stale; refresh it with: ./mvnw -pl k8s test -Dtest=PlainManifestsTest"
                        + " -Dmanifests.update=true", CHECKED_IN)
                .isEqualTo(rendered);
    }

    @Test
    void kubectlAppliesThemAsDocumented(KubernetesClient client) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).serverSideApply();
        try {
            CommandResult apply = controlPlane.kubectl("apply", "--server-side", "-f",
                    CHECKED_IN.toAbsolutePath().toString());
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(apply.stdout().lines()).hasSize(16).allMatch(line -> line.endsWith(" serverside-applied"));
            assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
                    .extracting(Deployment::getMetadata).extracting(m -> m.getName())
                    .containsExactlyInAnyOrder("tracks-analysis-operator", "tracks-analysis-api");
        } finally {
            client.namespaces().withName(NAMESPACE).delete();
        }
    }
}
