package dev.tracks.analysis.controlplane;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubernetes control plane for tests, started once per test JVM: kube-apiserver and etcd (through
 * io.fabric8:kube-api-test, offline) and, on request, the workload part: kube-controller-manager (Job, garbage
 * collector, TTL-after-finished and namespace controllers), kube-scheduler and a {@link NodeAgent} that runs pods as
 * local processes. Binaries come from {@code k8s/testbin/install}. Tests reach it through {@link RealKubernetes}.
 */
public final class ControlPlane {

    private static final String CONTROLLERS =
            "job-controller,garbage-collector-controller,ttl-after-finished-controller,namespace-controller";
    private static final String TASK_CRD = "k8s/crd/analysistasks.analysis.tracks.dev-v1.yml";
    private static ControlPlane instance;

    private final TestBinaries binaries;
    private final Path workDirectory;
    private final KubeAPIServer apiServer;
    private final Path kubeconfig;
    private final KubernetesClient client;
    private final List<Process> components = new ArrayList<>();
    private NodeAgent nodeAgent;

    private ControlPlane(TestBinaries binaries, Path workDirectory, Path kubeApiTestDirectory,
                         List<String> apiServerFlags) throws IOException {
        this.binaries = binaries;
        this.workDirectory = workDirectory;
        long start = System.nanoTime();
        apiServer = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(kubeApiTestDirectory.toString())
                .withApiServerVersion(binaries.kubernetesVersion())
                .withApiServerFlags(apiServerFlags)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .build());
        apiServer.start();
        String kubeconfigYaml = apiServer.getKubeConfigYaml();
        Files.createDirectories(workDirectory);
        kubeconfig = Files.writeString(workDirectory.resolve("kubeconfig"), kubeconfigYaml);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
        log("kube-apiserver " + binaries.kubernetesVersion() + " ready in " + millisSince(start) + " ms");
    }

    /** The API server (and etcd); started at the first call of the test JVM. */
    public static synchronized ControlPlane apiServer() {
        if (instance == null) {
            TestBinaries binaries = TestBinaries.locate();
            start(binaries, binaries.directory().getParent().getParent(), List.of());
        }
        return instance;
    }

    /**
     * The API server as a real node needs it ({@code dev.tracks.analysis.node.RealNode}): kube-api-test run from
     * {@code kubeApiTestDirectory}, which holds the certificates and binaries the node's set-up prepared, with the
     * extra flags. Only as the first control plane of the JVM: the real-node tests run in a JVM of their own.
     */
    public static synchronized ControlPlane forRealNode(TestBinaries binaries, Path kubeApiTestDirectory,
                                                        List<String> apiServerFlags) {
        if (instance != null) {
            throw new IllegalStateException("this JVM already runs a control plane for the process node agent; the"
                    + " real-node tests run in a JVM of their own (the failsafe execution real-node)");
        }
        return start(binaries, kubeApiTestDirectory, apiServerFlags);
    }

    private static ControlPlane start(TestBinaries binaries, Path kubeApiTestDirectory, List<String> flags) {
        try {
            instance = new ControlPlane(binaries, Path.of("target", "control-plane").toAbsolutePath(),
                    kubeApiTestDirectory, flags);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the control plane", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "control-plane-stop"));
        return instance;
    }

    /** The API server plus controllers, scheduler and node agent, so that Jobs really run. */
    public static synchronized ControlPlane withWorkloads() {
        ControlPlane controlPlane = apiServer();
        controlPlane.startWorkloads();
        return controlPlane;
    }

    public KubernetesClient client() {
        return client;
    }

    /** A kubeconfig file with cluster-admin rights, for kubectl, helm and processes the tests start. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /**
     * The fabric8 client's own environment variables (read by any fabric8 client, the Quarkus ones too) that reach
     * this API server with cluster-admin rights, the certificates inline: for a process that cannot read the
     * kubeconfig's files, such as a container.
     */
    public Map<String, String> clientEnvironment() {
        Config config = client.getConfiguration();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KUBERNETES_MASTER", config.getMasterUrl());
        env.put("KUBERNETES_CERTS_CA_DATA", inline(config.getCaCertData(), config.getCaCertFile()));
        env.put("KUBERNETES_CERTS_CLIENT_DATA", inline(config.getClientCertData(), config.getClientCertFile()));
        env.put("KUBERNETES_CERTS_CLIENT_KEY_DATA", inline(config.getClientKeyData(), config.getClientKeyFile()));
        return env;
    }

    /** Base64 data as a kubeconfig holds it: given as such, or read from the file. */
    private static String inline(String data, String file) {
        if (data != null) {
            return data;
        }
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public NodeAgent nodeAgent() {
        if (nodeAgent == null) {
            throw new IllegalStateException("the node agent runs only with @RealKubernetes(workloads = true)");
        }
        return nodeAgent;
    }

    /** Applies the AnalysisTask CRD (kubectl, server-side, as every test of the JVM does) and waits till it serves. */
    public void applyTaskCrd() {
        CommandResult apply = kubectl("apply", "--server-side", "-f",
                TestBinaries.repositoryRoot().resolve(TASK_CRD).toString());
        CommandResult established = kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/analysistasks.analysis.tracks.dev");
        if (apply.exitCode() != 0 || established.exitCode() != 0) {
            throw new IllegalStateException("cannot apply the AnalysisTask CRD: " + apply + " " + established);
        }
    }

    public CommandResult kubectl(String... args) {
        return run(binaries.path("kubectl"), args);
    }

    public CommandResult helm(String... args) {
        return run(binaries.path("helm"), args);
    }

    private synchronized void startWorkloads() {
        if (nodeAgent != null) {
            return;
        }
        long start = System.nanoTime();
        startControllers(CONTROLLERS, List.of());
        nodeAgent = new NodeAgent(client, workDirectory.resolve("pods"));
        nodeAgent.start();
        log("controller-manager, scheduler and node agent started in " + millisSince(start) + " ms");
    }

    /**
     * Starts kube-controller-manager with the named controllers and the extra flags, and kube-scheduler, both
     * without leader election, stopped with the control plane.
     */
    public synchronized void startControllers(String controllers, List<String> extraFlags) {
        List<String> flags = new ArrayList<>(List.of("--kubeconfig=" + kubeconfig, "--controllers=" + controllers,
                "--leader-elect=false", "--use-service-account-credentials=false", "--secure-port=0"));
        flags.addAll(extraFlags);
        components.add(startComponent("kube-controller-manager", flags.toArray(String[]::new)));
        components.add(startComponent("kube-scheduler", "--kubeconfig=" + kubeconfig, "--leader-elect=false",
                "--secure-port=0"));
    }

    private Process startComponent(String name, String... flags) {
        List<String> command = new ArrayList<>();
        command.add(binaries.path(name).toString());
        command.addAll(List.of(flags));
        return BackgroundProcess.start(name, command, workDirectory.resolve(name + ".log"), 2);
    }

    private CommandResult run(Path binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workDirectory, "cmd", ".out");
            Path err = Files.createTempFile(workDirectory, "cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.put("KUBECONFIG", kubeconfig.toString());
            env.put("HOME", workDirectory.toString());
            Process process = builder.start();
            if (!process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            CommandResult result = new CommandResult(process.exitValue(), Files.readString(out),
                    Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        if (nodeAgent != null) {
            nodeAgent.close();
        }
        components.forEach(Process::destroy);
        client.close();
        apiServer.stop();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static void log(String message) {
        System.out.println("[control-plane] " + message);
    }
}
