package dev.tracks.analysis.node;

import dev.tracks.analysis.controlplane.BackgroundProcess;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.TestBinaries;
import dev.tracks.analysis.image.ContainerChecks;
import dev.tracks.analysis.image.PauseImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Kubernetes node on this host, joined to the tests' real API server: containerd (Debian's 1.6, with its own
 * configuration, state and socket under {@code target/real-node}) running pods with runc, the images imported into it
 * from their OCI archives (no registry), the kubelet with a client certificate of its own (user
 * {@code system:node:<name>}, group {@code system:nodes}, authorized by the Node authorizer), the pods' network from
 * the CNI bridge plugin, and kube-proxy (iptables mode, its own certificate as {@code system:kube-proxy}) for
 * Services. The control plane runs the controllers real workloads need (Deployments, ReplicaSets, Jobs, endpoints,
 * ServiceAccounts, the root CA ConfigMap) and kube-scheduler.
 *
 * <p>Started once per JVM ({@link #shared()}); the real-node tests run in a JVM of their own (the failsafe
 * execution {@code real-node}) because the API server is set up differently ({@link NodeFiles#apiServerWrapper}).
 * {@link #close()} removes what the node made on the host: pods (so that the CNI plugins tear down their network
 * namespaces, veth pairs and iptables rules), processes, mounts, the bridge, kube-proxy's and the kubelet's iptables
 * chains. Needs root.
 */
public final class RealNode implements AutoCloseable {

    public static final String NAME = "tracks-real-node";
    static final String NODE_RUNTIME_SCRIPT = "k8s/testbin/node-runtime";
    static final String BRIDGE = "tracks-br0";
    static final String CONTROLLERS = "job-controller,garbage-collector-controller,ttl-after-finished-controller,"
            + "namespace-controller,deployment-controller,replicaset-controller,endpoints-controller,"
            + "endpointslice-controller,serviceaccount-controller,root-ca-certificate-publisher-controller,"
            + "disruption-controller,node-lifecycle-controller";
    private static final List<String> KUBELET_CHAINS = List.of("KUBE-FIREWALL", "KUBE-KUBELET-CANARY",
            "KUBE-IPTABLES-HINT");

    private static RealNode shared;

    private final HostLock lock;
    private final Path work;
    private final Path cniBinaries;
    private final String hostIp;
    private final TestBinaries binaries;
    private final List<Process> processes = new ArrayList<>();
    private ControlPlane controlPlane;
    private ClusterCertificates certificates;

    private RealNode(Path work, Path cniBinaries, String hostIp, TestBinaries binaries, HostLock lock) {
        this.lock = lock;
        this.work = work;
        this.cniBinaries = cniBinaries;
        this.hostIp = hostIp;
        this.binaries = binaries;
    }

    /** The node of this JVM, started at the first call; closed by {@link RealNodeExtension} after the last test. */
    public static synchronized RealNode shared() {
        if (shared == null) {
            long start = System.nanoTime();
            TestBinaries binaries = TestBinaries.locate();
            HostLock lock = HostLock.acquire();
            Path cni = Path.of(HostCommands.run(List.of("bash",
                    TestBinaries.repositoryRoot().resolve(NODE_RUNTIME_SCRIPT).toString())).lines()
                    .reduce((first, second) -> second).orElseThrow());
            RealNode node = new RealNode(Path.of("target", "real-node").toAbsolutePath(), cni,
                    HostCommands.defaultRouteSource(), binaries, lock);
            node.removeLeftovers();
            HostCommands.exec(List.of("rm", "-rf", node.work.toString()));
            try {
                node.start();
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
            shared = node;
            log("node " + NAME + " Ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return shared;
    }

    public ControlPlane controlPlane() {
        return controlPlane;
    }

    /** The host's address, which pods reach (e.g. a database on the host, behind a Service without selector). */
    public String hostIp() {
        return hostIp;
    }

    /** Imports an OCI image archive into containerd's k8s.io namespace, where the kubelet finds it. */
    public void importImage(Path archive) {
        long start = System.nanoTime();
        HostCommands.run(List.of("ctr", "--address", socket().toString(), "-n", "k8s.io", "images", "import",
                archive.toString()));
        log("imported " + archive.getFileName() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private Path socket() {
        return work.resolve("containerd").resolve("containerd.sock");
    }

    private void start() {
        try {
            Files.createDirectories(work);
            Path kubeApiTest = prepareApiServer();
            controlPlane = ControlPlane.forRealNode(binaries, kubeApiTest, List.of(
                    "--advertise-address=" + hostIp,
                    "--enable-admission-plugins=NodeRestriction",
                    "--kubelet-preferred-address-types=InternalIP"));
            controlPlane.startControllers(CONTROLLERS, List.of(
                    "--root-ca-file=" + certificates.servingCertificate(),
                    "--service-account-private-key-file=" + kubeApiTest.resolve(ClusterCertificates.SERVING_KEY)));
            startContainerd();
            importImage(PauseImage.archive());
            startKubelet();
            startKubeProxy();
            awaitReady(Duration.ofMinutes(2));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the real node", e);
        }
    }

    /**
     * kube-api-test's directory for this node: its certificates ({@link ClusterCertificates}), and the binaries it
     * starts (etcd and kubectl as built, kube-apiserver through {@link NodeFiles#apiServerWrapper}).
     */
    private Path prepareApiServer() throws IOException {
        Path directory = Files.createDirectories(work.resolve("kubeapitest"));
        certificates = ClusterCertificates.create(directory, List.of("127.0.0.1", hostIp, "10.0.0.1"));
        Path bin = Files.createDirectories(directory.resolve("k8s").resolve(binaries.directory().getFileName()));
        for (String name : List.of("etcd", "kubectl")) {
            Files.createSymbolicLink(bin.resolve(name), binaries.path(name));
        }
        Path wrapper = Files.writeString(bin.resolve("kube-apiserver"),
                NodeFiles.apiServerWrapper(binaries.path("kube-apiserver")));
        wrapper.toFile().setExecutable(true);
        return directory;
    }

    private void startContainerd() throws IOException {
        Path directory = Files.createDirectories(work.resolve("containerd"));
        Path cniConfigs = Files.createDirectories(work.resolve("cni").resolve("net.d"));
        Files.writeString(cniConfigs.resolve("10-tracks.conflist"),
                NodeFiles.cniConfig(BRIDGE, work.resolve("cni").resolve("ipam")));
        Path config = Files.writeString(directory.resolve("config.toml"), NodeFiles.containerdConfig(directory,
                "docker.io/" + PauseImage.REFERENCE, cniBinaries, cniConfigs));
        processes.add(startProcess("containerd", List.of("containerd", "--config", config.toString())));
        awaitFile(socket(), Duration.ofSeconds(30));
        HostCommands.await(Duration.ofSeconds(30), () -> HostCommands.exec(List.of("ctr", "--address",
                socket().toString(), "version")).exitCode() == 0, "containerd answering on " + socket());
    }

    private void startKubelet() throws IOException {
        Path directory = Files.createDirectories(work.resolve("kubelet"));
        Path[] credentials = certificates.issueClient("kubelet", "system:node:" + NAME, "system:nodes");
        Path kubeconfig = Files.writeString(directory.resolve("kubeconfig"), NodeFiles.kubeconfig(server(),
                certificates.servingCertificate(), credentials[0], credentials[1]));
        Path config = Files.writeString(directory.resolve("config.yaml"), NodeFiles.kubeletConfig(
                socket().toString(), ContainerChecks.freePort(), Files.createDirectories(work.resolve("pod-logs"))));
        processes.add(startProcess("kubelet", List.of(binaries.path("kubelet").toString(),
                "--config=" + config, "--kubeconfig=" + kubeconfig, "--root-dir=" + directory.resolve("root"),
                "--cert-dir=" + directory.resolve("pki"), "--hostname-override=" + NAME, "--node-ip=" + hostIp,
                "--v=2")));
    }

    private void startKubeProxy() throws IOException {
        Path directory = Files.createDirectories(work.resolve("kube-proxy"));
        Path[] credentials = certificates.issueClient("kube-proxy", "system:kube-proxy", "");
        Path kubeconfig = Files.writeString(directory.resolve("kubeconfig"), NodeFiles.kubeconfig(server(),
                certificates.servingCertificate(), credentials[0], credentials[1]));
        processes.add(startProcess("kube-proxy", List.of(binaries.path("kube-proxy").toString(),
                "--kubeconfig=" + kubeconfig, "--hostname-override=" + NAME, "--proxy-mode=iptables",
                "--cluster-cidr=" + NodeFiles.POD_SUBNET, "--masquerade-all", "--conntrack-max-per-core=0",
                "--metrics-bind-address=127.0.0.1:" + ContainerChecks.freePort(),
                "--healthz-bind-address=127.0.0.1:" + ContainerChecks.freePort())));
    }

    /** The API server's address as the admin kubeconfig names it (127.0.0.1 and its port). */
    private String server() {
        return controlPlane.client().getConfiguration().getMasterUrl().replaceAll("/$", "");
    }

    private void awaitReady(Duration timeout) {
        KubernetesClient client = controlPlane.client();
        HostCommands.await(timeout, () -> {
            Node node = client.nodes().withName(NAME).get();
            return node != null && node.getStatus().getConditions().stream().anyMatch(condition ->
                    condition.getType().equals("Ready") && condition.getStatus().equals("True"));
        }, "node " + NAME + " Ready (see " + work.resolve("kubelet.log") + ")");
    }

    private Process startProcess(String name, List<String> command) {
        return BackgroundProcess.start(name, command, work.resolve(name + ".log"), 1);
    }

    private static void awaitFile(Path file, Duration timeout) {
        HostCommands.await(timeout, () -> Files.exists(file), file.toString());
    }

    /**
     * Removes everything the node made: its pods first, through the kubelet (the node cordoned so that no
     * controller's new pod lands on it), then its processes, mounts, bridge and iptables chains.
     */
    @Override
    public synchronized void close() {
        long start = System.nanoTime();
        if (controlPlane != null && !processes.isEmpty()) {
            try {
                drain(Duration.ofMinutes(2));
            } catch (RuntimeException e) {
                log("pods not all gone: " + e.getMessage());
            }
        }
        reversed(processes).forEach(BackgroundProcess::stop);
        processes.clear();
        removeLeftovers();
        // The images' snapshots and the pods' files; the logs stay for a look after a failure.
        HostCommands.exec(List.of("rm", "-rf", work.resolve("containerd").toString(), work.resolve("kubelet")
                .toString()));
        lock.close();
        log("node " + NAME + " removed in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void drain(Duration timeout) {
        KubernetesClient client = controlPlane.client();
        client.nodes().withName(NAME).edit(node -> {
            node.getSpec().setUnschedulable(true);
            return node;
        });
        Instant deadline = Instant.now().plus(timeout);
        List<Pod> pods;
        do {
            pods = client.pods().inAnyNamespace().withField("spec.nodeName", NAME).list().getItems();
            for (Pod pod : pods) {
                if (pod.getMetadata().getDeletionTimestamp() == null) {
                    client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                            .withGracePeriod(1).delete();
                }
            }
            HostCommands.sleep(Duration.ofMillis(500));
        } while (!pods.isEmpty() && Instant.now().isBefore(deadline));
        if (!pods.isEmpty()) {
            throw new IllegalStateException(pods.size() + " pods still on the node");
        }
    }

    /**
     * What a node of an earlier run (or of this one, at its end) may have left: containerd's shims (found by this
     * node's socket in their command line), kube-proxy's rules ({@code kube-proxy --cleanup}), mounts under the work
     * directory, the bridge and the kubelet's iptables chains.
     */
    private void removeLeftovers() {
        String socket = socket().toString();
        ProcessHandle.allProcesses().filter(process -> process.info().arguments().map(List::of)
                .map(arguments -> arguments.contains(socket)).orElse(false)).forEach(ProcessHandle::destroyForcibly);
        HostCommands.exec(List.of(binaries.path("kube-proxy").toString(), "--cleanup"));
        HostCommands.unmountUnder(work);
        HostCommands.exec(List.of("ip", "link", "delete", BRIDGE));
        for (String iptables : List.of("iptables", "ip6tables")) {
            HostCommands.exec(List.of(iptables, "-D", "INPUT", "-j", "KUBE-FIREWALL"));
            HostCommands.exec(List.of(iptables, "-D", "OUTPUT", "-j", "KUBE-FIREWALL"));
            for (String table : List.of("filter", "nat", "mangle")) {
                for (String chain : KUBELET_CHAINS) {
                    HostCommands.exec(List.of(iptables, "-t", table, "-F", chain));
                    HostCommands.exec(List.of(iptables, "-t", table, "-X", chain));
                }
            }
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static void log(String message) {
        System.out.println("[real-node] " + message);
    }
}
