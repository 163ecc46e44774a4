package dev.tracks.analysis.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real node's generated files, checked without a node. */
class NodeFilesTest {

    @Test
    void theApiServerWrapperTurnsTheServiceAccountPluginOnAndAddsTheNodeAuthorizer(@TempDir Path directory)
            throws IOException {
        // The wrapper execs the "API server" it names; echo shows the arguments it was given.
        Path wrapper = Files.writeString(directory.resolve("kube-apiserver"), NodeFiles.apiServerWrapper(
                Path.of("/bin/echo")));
        String arguments = HostCommands.run(List.of("bash", wrapper.toString(), "--secure-port", "6443",
                "--authorization-mode", "RBAC", "--disable-admission-plugins", "ServiceAccount", "--allow-privileged"));
        assertThat(arguments.strip()).isEqualTo("--secure-port 6443 --authorization-mode Node,RBAC"
                + " --allow-privileged");
    }

    @Test
    void theServingCertificateNamesTheServiceAddressAndTheKubernetesNames() {
        assertThat(NodeFiles.subjectAltNames(List.of("127.0.0.1", "10.0.0.1"))).isEqualTo("IP:127.0.0.1,IP:10.0.0.1,"
                + "DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,"
                + "DNS:kubernetes.default.svc.cluster.local");
    }
}
