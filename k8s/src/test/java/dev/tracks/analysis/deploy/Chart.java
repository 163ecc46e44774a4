package dev.tracks.analysis.deploy;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Helm chart in {@code deploy/}, rendered and installed with the real helm binary of the test control plane. */
final class Chart {

    static final Path DIRECTORY = Path.of("..", "deploy", "tracks-analysis").toAbsolutePath().normalize();
    /** Every optional part on, and the production database setup (an existing Secret). */
    static final Path EVERYTHING_ON = Path.of("src", "test", "resources", "deploy", "everything-on.yaml")
            .toAbsolutePath();

    private Chart() {
    }

    /** {@code helm template} of the chart; fails the test when helm does. */
    static String template(ControlPlane controlPlane, String release, String namespace, String... extraArgs) {
        CommandResult result = controlPlane.helm(Stream.concat(
                Stream.of("template", release, DIRECTORY.toString(), "--namespace", namespace),
                Stream.of(extraArgs)).toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.stdout();
    }

    /** The resources of rendered manifests, as fabric8 objects (unknown kinds as generic resources). */
    static List<HasMetadata> resources(ControlPlane controlPlane, String manifests) {
        return new ArrayList<>(controlPlane.client()
                .load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).items());
    }

    /** {@code Kind/name} of each resource, the form the tests compare. */
    static List<String> kindsAndNames(List<HasMetadata> resources) {
        return resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList();
    }
}
