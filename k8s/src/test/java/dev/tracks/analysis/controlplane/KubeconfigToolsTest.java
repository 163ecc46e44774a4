package dev.tracks.analysis.controlplane;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** kubectl and helm reach the test API server through the kubeconfig the control plane hands out. */
@RealKubernetes
class KubeconfigToolsTest {

    @Test
    void kubectlSeesTheRealServerAtThePinnedVersion(ControlPlane controlPlane) {
        CommandResult version = controlPlane.kubectl("version", "-o", "json");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.stdout()).contains("\"serverVersion\"")
                .contains("\"gitVersion\": \"v" + TestBinaries.locate().kubernetesVersion() + "\"");
    }

    @Test
    void helmTalksToTheSameServer(ControlPlane controlPlane, TestNamespace namespace) {
        CommandResult list = controlPlane.helm("list", "--namespace", namespace.name(), "--output", "json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdout().strip()).isEqualTo("[]");
    }
}
