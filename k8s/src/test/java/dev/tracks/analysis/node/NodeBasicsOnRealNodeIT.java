package dev.tracks.analysis.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.image.PauseImage;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real node itself: a pod of a locally imported image (the sandbox image, Debian) runs in containerd with runc
 * as user 185 with a read-only root, gets an address of the pod network, its ServiceAccount token, reaches the API
 * server through the kubernetes Service (kube-proxy's rules), and its output is what {@code kubectl logs} shows; a
 * container over its memory limit is OOM-killed by the kernel and reported so.
 */
@OnRealNode
class NodeBasicsOnRealNodeIT {

    private static final String NAMESPACE = "node-basics";

    @BeforeAll
    static void namespace(KubernetesClient client) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        HostCommands.await(Duration.ofSeconds(60), () -> client.serviceAccounts().inNamespace(NAMESPACE)
                .withName("default").get() != null, "the default ServiceAccount");
    }

    @AfterAll
    static void removeNamespace(KubernetesClient client) {
        client.namespaces().withName(NAMESPACE).delete();
    }

    @Test
    void aPodRunsRestrictedOnThePodNetworkAndReachesTheApiServerThroughItsService(KubernetesClient client,
                                                                                 ControlPlane controlPlane) {
        String script = String.join("; ", "set -e", "id -u",
                "test -s /var/run/secrets/kubernetes.io/serviceaccount/token", "echo token-mounted", "if touch /probe 2>/dev/null; then echo root-writable; fi",
                "exec 3<>/dev/tcp/10.0.0.1/443", "echo service-reached");
        Pod pod = client.pods().inNamespace(NAMESPACE).resource(pod("basics", script, null)).create();

        Pod done = awaitTerminated(client, pod.getMetadata().getName());
        assertThat(done.getStatus().getPhase()).as(done.getStatus().toString()).isEqualTo("Succeeded");
        assertThat(done.getStatus().getPodIP()).startsWith("10.244.0.");
        assertThat(done.getSpec().getNodeName()).isEqualTo(RealNode.NAME);
        CommandResult logs = controlPlane.kubectl("logs", "-n", NAMESPACE, "basics");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.stdout().lines()).containsExactly("185", "token-mounted", "service-reached");
    }

    @Test
    void aContainerOverItsMemoryLimitIsOomKilled(KubernetesClient client) {
        // tail keeps the whole "line" of an endless stream without newlines in memory.
        Pod pod = client.pods().inNamespace(NAMESPACE).resource(pod("oom", "tail /dev/zero", "64Mi")).create();

        Pod done = awaitTerminated(client, pod.getMetadata().getName());
        ContainerStateTerminated terminated = done.getStatus().getContainerStatuses().get(0).getState()
                .getTerminated();
        assertThat(done.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(terminated.getReason()).isEqualTo("OOMKilled");
        assertThat(terminated.getExitCode()).isEqualTo(137);
    }

    private static Pod pod(String name, String script, String memoryLimit) {
        PodBuilder builder = new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withRestartPolicy("Never").withTerminationGracePeriodSeconds(1L)
                .withNewSecurityContext().withRunAsUser(185L).withRunAsNonRoot(true).endSecurityContext()
                .addNewContainer().withName("main").withImage(PauseImage.REFERENCE).withImagePullPolicy("Never")
                .withCommand("bash", "-c", script)
                .withNewSecurityContext().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .withNewResources().withLimits(memoryLimit == null ? Map.of()
                        : Map.of("memory", new Quantity(memoryLimit))).endResources()
                .endContainer().endSpec();
        return builder.build();
    }

    private static Pod awaitTerminated(KubernetesClient client, String name) {
        List<String> done = List.of("Succeeded", "Failed");
        try {
            HostCommands.await(Duration.ofMinutes(2), () -> done.contains(client.pods().inNamespace(NAMESPACE)
                    .withName(name).get().getStatus().getPhase()), "pod " + name + " to end");
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + ": " + client.pods().inNamespace(NAMESPACE).withName(name).get()
                    .getStatus(), e);
        }
        return client.pods().inNamespace(NAMESPACE).withName(name).get();
    }
}
