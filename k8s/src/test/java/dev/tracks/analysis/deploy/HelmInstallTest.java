package dev.tracks.analysis.deploy;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm install} of the chart with its default values into a fresh namespace of the real API server: every
 * object is accepted (schemas, CRD, RBAC) and exactly the expected ones exist. The optional parts are checked by the
 * API server in a dry run. What each ServiceAccount may do is in {@link ServiceAccountRbacTest}.
 */
@RealKubernetes
class HelmInstallTest {

    static final String RELEASE = "tracks";

    private static String namespace;

    @BeforeAll
    static void install(ControlPlane controlPlane) {
        namespace = install(controlPlane, "helm-install");
    }

    @AfterAll
    static void uninstall(ControlPlane controlPlane) {
        uninstall(controlPlane, namespace);
    }

    /** Installs the chart with default values as {@link #RELEASE} into a new namespace named after the prefix. */
    static String install(ControlPlane controlPlane, String prefix) {
        String created = prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36)
                .toLowerCase(Locale.ROOT);
        controlPlane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(created)
                .endMetadata().build()).create();
        // The CRD as the other tests of this JVM apply it (kubectl, server-side); helm then leaves it alone. Created by
        // helm it would belong to the field manager "helm", and their server-side applies would conflict with it.
        CommandResult crd = controlPlane.kubectl("apply", "--server-side", "-f",
                Chart.DIRECTORY.resolve("crds").toString());
        assertThat(crd.exitCode()).as(crd.toString()).isZero();
        CommandResult install = controlPlane.helm("install", RELEASE, Chart.DIRECTORY.toString(),
                "--namespace", created, "--wait=false");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        return created;
    }

    static void uninstall(ControlPlane controlPlane, String namespace) {
        if (namespace != null) {
            controlPlane.helm("uninstall", RELEASE, "--namespace", namespace);
            controlPlane.client().namespaces().withName(namespace).delete();
        }
    }

    @Test
    void installCreatesExactlyTheExpectedResources(ControlPlane controlPlane) {
        CommandResult status = controlPlane.helm("status", RELEASE, "--namespace", namespace);
        assertThat(status.stdout()).contains("STATUS: deployed").contains("kubectl -n " + namespace + " get atask");

        CommandResult objects = controlPlane.kubectl("get", "-n", namespace, "-o", "name",
                "-l", "app.kubernetes.io/instance=" + RELEASE,
                "serviceaccounts,secrets,configmaps,services,deployments,roles,rolebindings,ingresses,networkpolicies,"
                        + "poddisruptionbudgets,jobs,leases");
        assertThat(objects.exitCode()).as(objects.toString()).isZero();
        assertThat(objects.stdout().lines()).containsExactlyInAnyOrder(
                "serviceaccount/tracks-tracks-analysis-operator",
                "serviceaccount/tracks-tracks-analysis-api",
                "serviceaccount/tracks-tracks-analysis-worker",
                "secret/tracks-tracks-analysis-db",
                "configmap/tracks-tracks-analysis-operator",
                "service/tracks-tracks-analysis-operator",
                "service/tracks-tracks-analysis-api",
                "deployment.apps/tracks-tracks-analysis-operator",
                "deployment.apps/tracks-tracks-analysis-api",
                "role.rbac.authorization.k8s.io/tracks-tracks-analysis-operator",
                "role.rbac.authorization.k8s.io/tracks-tracks-analysis-api",
                "role.rbac.authorization.k8s.io/tracks-tracks-analysis-worker",
                "rolebinding.rbac.authorization.k8s.io/tracks-tracks-analysis-operator",
                "rolebinding.rbac.authorization.k8s.io/tracks-tracks-analysis-api",
                "rolebinding.rbac.authorization.k8s.io/tracks-tracks-analysis-worker");

        CommandResult manifest = controlPlane.helm("get", "manifest", RELEASE, "--namespace", namespace);
        assertThat(Chart.kindsAndNames(Chart.resources(controlPlane, manifest.stdout()))).hasSize(15);
        CommandResult crd = controlPlane.kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/analysistasks.analysis.tracks.dev");
        assertThat(crd.exitCode()).as(crd.toString()).isZero();
    }

    @Test
    void theApiServerAcceptsEveryOptionalPart(ControlPlane controlPlane) throws IOException {
        // The ServiceMonitor needs the Prometheus Operator's CRD, which this API server does not have.
        String rendered = Chart.template(controlPlane, "everything", namespace, "-f", Chart.EVERYTHING_ON.toString(),
                "--set", "serviceMonitor.enabled=false");
        Path file = Files.writeString(Path.of("target", "chart-everything-on.yaml"), rendered);
        CommandResult dryRun = controlPlane.kubectl("apply", "--dry-run=server", "-n", namespace, "-f",
                file.toString());
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.stdout()).contains("ingress.networking.k8s.io/everything-tracks-analysis-api created",
                "networkpolicy.networking.k8s.io/everything-tracks-analysis-worker created",
                "poddisruptionbudget.policy/everything-tracks-analysis-api created",
                "job.batch/everything-tracks-analysis-reference-0 created",
                "deployment.apps/everything-tracks-analysis-operator created");
    }
}
