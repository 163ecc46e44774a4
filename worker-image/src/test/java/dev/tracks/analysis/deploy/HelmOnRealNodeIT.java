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
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
            // containerd holds the image now; the archive (about 400 MB) would only fill target/.
            Files.delete(archive);
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

    @Test
    @Order(2)
    void oneOperatorReplicaLeadsAndTheStandbyTakesOverWhenTheLeaderGoes(ControlPlane controlPlane,
                                                                       KubernetesClient client) {
        List<String> operators = podNames(client, "operator");
        await(Duration.ofSeconds(60), () -> operators.contains(leaseHolder(client)), () -> "a leader among "
                + operators + ", holder " + leaseHolder(client));
        String leader = leaseHolder(client);
        String standby = operators.stream().filter(name -> !name.equals(leader)).findFirst().orElseThrow();
        // Scaled down to one replica with the leader cheapest to remove: the ReplicaSet stops the leader and makes
        // no replacement, so only the standby can take the Lease.
        CommandResult cost = controlPlane.kubectl("annotate", "-n", NAMESPACE, "pod", leader,
                "controller.kubernetes.io/pod-deletion-cost=-1000");
        assertThat(cost.exitCode()).as(cost.toString()).isZero();
        scaleOperator(controlPlane, 1);
        await(Duration.ofSeconds(90), () -> standby.equals(leaseHolder(client)), () -> "the standby " + standby
                + " leading, holder " + leaseHolder(client) + ", operator pods " + podNames(client, "operator"));
        assertThat(podNames(client, "operator")).containsExactly(standby);
        scaleOperator(controlPlane, 2);
        await(POD_START, () -> ready(client, "operator") == 2, () -> "two operator pods Ready: " + pods(client));
        assertThat(leaseHolder(client)).isEqualTo(standby);
    }

    private static void scaleOperator(ControlPlane controlPlane, int replicas) {
        CommandResult scale = controlPlane.kubectl("scale", "-n", NAMESPACE, "deployment",
                "tracks-tracks-analysis-operator", "--replicas=" + replicas);
        assertThat(scale.exitCode()).as(scale.toString()).isZero();
    }

    @Test
    @Order(3)
    void theApiAnswersThroughItsServiceAndRunsRestrictedWithinItsLimits(ControlPlane controlPlane,
                                                                       KubernetesClient client) throws Exception {
        HttpResponse<String> tasks = http().send(apiRequest(client, "/api/admin/analysis/tasks").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        HttpResponse<String> anonymous = http().send(HttpRequest.newBuilder(apiUri(client,
                "/api/admin/analysis/tasks")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        String pod = podNames(client, "api").get(0);
        CommandResult inside = controlPlane.kubectl("exec", "-n", NAMESPACE, pod, "--", "bash", "-c",
                "id -u; cat /sys/fs/cgroup/memory/memory.limit_in_bytes; touch /deployments/probe 2>&1 || true;"
                        + " touch /tmp/probe && echo tmp-writable");
        assertThat(inside.exitCode()).as(inside.toString()).isZero();
        assertThat(lines(inside)).containsExactly("185", String.valueOf(768L * 1024 * 1024),
                "touch: cannot touch '/deployments/probe': Read-only file system", "tmp-writable");
    }

    @Test
    @Order(4)
    void anUploadAndTheSampleChainRunAsWorkerJobPodsWithResultsInPostgresql(ControlPlane controlPlane,
                                                                            KubernetesClient client) throws Exception {
        Path sample = TestBinaries.repositoryRoot().resolve("worker-image/src/main/resources/sample/tracks-sample.csv");
        String boundary = "tracks-" + System.nanoTime();
        byte[] body = multipart(boundary, sample);
        HttpResponse<String> upload = http().send(apiRequest(client, "/api/admin/analysis/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        awaitPhases(controlPlane, Duration.ofMinutes(4), "Succeeded");

        CommandResult apply = controlPlane.kubectl("apply", "-n", NAMESPACE, "-f",
                TestBinaries.repositoryRoot().resolve("k8s/samples/default-chain.yaml").toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        awaitPhases(controlPlane, Duration.ofMinutes(12), "Succeeded");

        try (Connection connection = database.dataSource().getConnection(); ResultSet counts = connection
                .createStatement().executeQuery("SELECT (SELECT count(*) FROM stays), (SELECT count(*) FROM"
                        + " analysis_tasks WHERE status = 'Succeeded')")) {
            counts.next();
            assertThat(counts.getLong(1)).as("stays").isPositive();
            assertThat(counts.getLong(2)).as("tasks the API mirrored as Succeeded").isEqualTo(9);
        }
        List<Pod> workers = client.pods().inNamespace(NAMESPACE).withLabel("job-name").list().getItems();
        assertThat(workers).hasSizeGreaterThanOrEqualTo(9).allSatisfy(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
            assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("tracks/worker:" + TAG);
            assertThat(pod.getSpec().getNodeName()).isEqualTo(RealNode.NAME);
        });
        String stays = workers.stream().map(pod -> pod.getMetadata().getName())
                .filter(name -> name.contains("stay-detection")).findFirst().orElseThrow();
        CommandResult logs = controlPlane.kubectl("logs", "-n", NAMESPACE, stays);
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        // The worker's progress bar: the skill, then all of the sample's points done.
        assertThat(logs.stdout()).as(logs.stdout())
                .containsPattern("stay_detection +\\[#+\\] +100\\.0% ([0-9,]+)/\\1");
    }

    @Test
    @Order(5)
    void cancelRemovesTheRunningWorkerPod(ControlPlane controlPlane, KubernetesClient client) {
        // A hundredth of a core: the worker's JVM is still starting when the cancel comes.
        applyTask(controlPlane, "slow", """
                  resources:
                    requests: {cpu: 10m}
                    limits: {cpu: 10m}
                """);
        await(POD_START, () -> !workerPods(client, "slow", "Running").isEmpty(), () -> "slow's worker Running: "
                + pods(client));
        CommandResult cancel = controlPlane.kubectl("patch", "-n", NAMESPACE, "atask", "slow", "--type", "merge",
                "-p", "{\"spec\":{\"cancel\":true}}");
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        await(Duration.ofSeconds(90), () -> phase(controlPlane, "slow").equals("Cancelled")
                && workerPods(client, "slow", null).isEmpty(), () -> "slow Cancelled without pods: "
                + phase(controlPlane, "slow") + pods(client));
    }

    @Test
    @Order(6)
    void aWorkerOverItsMemoryLimitIsOomKilledAndTheTaskSaysSo(ControlPlane controlPlane, KubernetesClient client) {
        applyTask(controlPlane, "starved", """
                  maxRetries: 0
                  resources:
                    requests: {memory: 16Mi}
                    limits: {memory: 16Mi}
                """);
        await(Duration.ofMinutes(3), () -> phase(controlPlane, "starved").equals("Failed"), () -> "starved Failed: "
                + phase(controlPlane, "starved") + pods(client));
        assertThat(workerPods(client, "starved", "Failed")).isNotEmpty().allSatisfy(pod -> assertThat(pod.getStatus()
                .getContainerStatuses().get(0).getState().getTerminated().getReason()).isEqualTo("OOMKilled"));
        CommandResult message = controlPlane.kubectl("get", "-n", NAMESPACE, "atask", "starved", "-o",
                "jsonpath={.status.message}");
        assertThat(message.stdout()).contains("exit code 137 (OOMKilled)");
    }

    @Test
    @Order(7)
    void helmUpgradeRollsOutAndUninstallRemovesTheRelease(ControlPlane controlPlane, KubernetesClient client) {
        CommandResult upgrade = controlPlane.helm("upgrade", RELEASE, TestBinaries.repositoryRoot()
                .resolve("deploy/tracks-analysis").toString(), "--namespace", NAMESPACE, "--reuse-values",
                "--set", "apiService.replicas=2");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        await(POD_START, () -> ready(client, "api") == 2, () -> "two API pods Ready: " + pods(client));
        assertThat(controlPlane.helm("status", RELEASE, "--namespace", NAMESPACE).stdout()).contains("REVISION: 2");

        CommandResult uninstall = controlPlane.helm("uninstall", RELEASE, "--namespace", NAMESPACE);
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        await(Duration.ofMinutes(2), () -> podNames(client, "operator").isEmpty() && podNames(client, "api")
                .isEmpty(), () -> "no operator or API pod left: " + pods(client));
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    /** Applies a full recompute of outlier_detection named {@code name}, with more of its spec. */
    private static void applyTask(ControlPlane controlPlane, String name, String moreSpec) {
        String yaml = """
                apiVersion: analysis.tracks.dev/v1alpha1
                kind: AnalysisTask
                metadata:
                  name: %s
                spec:
                  skill: outlier_detection
                  mode: FULL_RECOMPUTE
                """.formatted(name) + moreSpec;
        try {
            Path file = Files.writeString(Files.createTempFile(Path.of("target"), "task", ".yaml"), yaml);
            CommandResult apply = controlPlane.kubectl("apply", "-n", NAMESPACE, "-f", file.toString());
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String phase(ControlPlane controlPlane, String task) {
        return controlPlane.kubectl("get", "-n", NAMESPACE, "atask", task, "-o", "jsonpath={.status.phase}")
                .stdout();
    }

    /** Waits till every task of the namespace is in {@code phase}. */
    private static void awaitPhases(ControlPlane controlPlane, Duration timeout, String phase) {
        await(timeout, () -> {
            List<String> phases = lines(controlPlane.kubectl("get", "-n", NAMESPACE, "atask", "-o",
                    "jsonpath={range .items[*]}{.status.phase}{\"\\n\"}{end}"));
            return !phases.isEmpty() && phases.stream().allMatch(phase::equals);
        }, () -> "every task " + phase + ": " + controlPlane.kubectl("get", "-n", NAMESPACE, "atask").stdout()
                + pods(controlPlaneClient(controlPlane)));
    }

    private static KubernetesClient controlPlaneClient(ControlPlane controlPlane) {
        return controlPlane.client();
    }

    private static List<Pod> workerPods(KubernetesClient client, String task, String phase) {
        return client.pods().inNamespace(NAMESPACE).withLabel("job-name").list().getItems().stream()
                .filter(pod -> pod.getMetadata().getLabels().get("job-name").contains(task))
                .filter(pod -> phase == null || phase.equals(pod.getStatus().getPhase())).toList();
    }

    private static List<String> podNames(KubernetesClient client, String component) {
        return client.pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/component", component).list()
                .getItems().stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .map(pod -> pod.getMetadata().getName()).toList();
    }

    private static String leaseHolder(KubernetesClient client) {
        Lease lease = client.leases().inNamespace(NAMESPACE).withName("tracks-tracks-analysis-operator").get();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The API service by its Service's cluster IP, from the host (kube-proxy's rules). */
    private static URI apiUri(KubernetesClient client, String path) {
        String clusterIp = client.services().inNamespace(NAMESPACE).withName("tracks-tracks-analysis-api").get()
                .getSpec().getClusterIP();
        return URI.create("http://" + clusterIp + ":8080" + path);
    }

    private static HttpRequest.Builder apiRequest(KubernetesClient client, String path) {
        return HttpRequest.newBuilder(apiUri(client, path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static byte[] multipart(String boundary, Path file) throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(Files.readAllBytes(file));
        out.write(tail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
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
