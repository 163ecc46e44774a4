package dev.tracks.analysis.deploy;

import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskProgress;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart's RBAC is sufficient and minimal. For each ServiceAccount, {@code kubectl auth can-i --list} (as the
 * account) states exactly what it may do, and real calls with a token from the TokenRequest API show that it can do
 * its job and is refused the rest.
 */
@RealKubernetes
class ServiceAccountRbacTest {

    private static final String TASKS = "analysistasks.analysis.tracks.dev";
    private static final String STATUS = "analysistasks.analysis.tracks.dev/status";
    /** What the API server grants every authenticated user (system:basic-user): asking about oneself. */
    private static final Set<String> SELF_REVIEWS = Set.of("selfsubjectreviews.authentication.k8s.io",
            "selfsubjectaccessreviews.authorization.k8s.io", "selfsubjectrulesreviews.authorization.k8s.io");

    private static String namespace;
    private final ControlPlane controlPlane;
    private final KubernetesClient admin;

    ServiceAccountRbacTest(ControlPlane controlPlane, KubernetesClient admin) {
        this.controlPlane = controlPlane;
        this.admin = admin;
    }

    @BeforeAll
    static void install(ControlPlane controlPlane) {
        namespace = HelmInstallTest.install(controlPlane, "chart-rbac");
    }

    @AfterAll
    static void uninstall(ControlPlane controlPlane) {
        HelmInstallTest.uninstall(controlPlane, namespace);
    }

    @Test
    void eachServiceAccountMayDoExactlyItsJob() {
        assertThat(permissions("operator")).isEqualTo(Map.of(
                TASKS, Set.of("get", "list", "watch"),
                STATUS, Set.of("patch"),
                "jobs.batch", Set.of("get", "list", "watch", "create", "delete"),
                "pods", Set.of("get", "list", "watch"),
                "events", Set.of("create"),
                // The SDK checks get, create and update at start; fabric8's LeaseLock renews with patch.
                "leases.coordination.k8s.io", Set.of("get", "create", "update", "patch")));
        assertThat(permissions("api")).isEqualTo(Map.of(
                TASKS, Set.of("create", "get", "list", "watch", "patch"),
                "events", Set.of("list")));
        assertThat(permissions("worker")).isEqualTo(Map.of(STATUS, Set.of("patch")));
    }

    @Test
    void nothingIsGrantedOutsideTheReleaseNamespace() {
        for (String component : new String[] {"operator", "api", "worker"}) {
            CommandResult canI = controlPlane.kubectl("auth", "can-i", "--list", "-n", "default",
                    "--as=" + user(component));
            assertThat(canI.stdout()).as(component).doesNotContain(TASKS, "jobs", "pods", "events", "leases");
        }
    }

    @Test
    void theApiServiceCreatesReadsAndCancelsTasksAndListsEventsButNothingElse() {
        try (KubernetesClient api = clientAs("api")) {
            var tasks = api.resources(AnalysisTask.class).inNamespace(namespace);
            tasks.resource(task("from-api")).create();
            assertThat(tasks.withName("from-api").get().getSpec().getSkill()).isEqualTo(Skill.GRID_SYSTEM);
            assertThat(tasks.list().getItems()).extracting(t -> t.getMetadata().getName()).contains("from-api");
            tasks.watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, AnalysisTask resource) {
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            }).close();
            tasks.withName("from-api").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}");
            assertThat(tasks.withName("from-api").get().getSpec().getCancel()).isTrue();

            assertForbidden(() -> tasks.withName("from-api").delete());
            assertForbidden(() -> tasks.withName("from-api").subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"message\":\"x\"}}"));
            assertThat(api.v1().events().inNamespace(namespace).list().getItems()).isNotNull();
            assertForbidden(() -> api.v1().events().inNamespace(namespace).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName("from-api.").endMetadata()
                    .withNewInvolvedObject().withKind("AnalysisTask").withName("from-api")
                    .withNamespace(namespace).endInvolvedObject()
                    .withReason("Queued").withMessage("queued").withType("Normal").build()).create());
            assertForbidden(() -> api.pods().inNamespace(namespace).list());
            assertForbidden(() -> api.secrets().inNamespace(namespace).list());
            assertForbidden(() -> api.batch().v1().jobs().inNamespace(namespace).resource(job("from-api")).create());
            assertForbidden(() -> api.resources(AnalysisTask.class).inNamespace("default").list());
        }
    }

    @Test
    void theWorkerAppliesItsProgressButCannotListOrChangeTheTask() {
        admin.resources(AnalysisTask.class).inNamespace(namespace).resource(task("for-worker")).create();
        try (KubernetesClient worker = clientAs("worker")) {
            var task = worker.resources(AnalysisTask.class).inNamespace(namespace).withName("for-worker");
            // Exactly the call of the worker's TaskStatusProgress: applied from an object, no read before.
            AnalysisTask statusOnly = new AnalysisTask();
            statusOnly.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName("for-worker").build());
            statusOnly.setSpec(null);
            statusOnly.setStatus(new AnalysisTaskStatus());
            statusOnly.getStatus().setProgress(new TaskProgress());
            statusOnly.getStatus().getProgress().setProcessedPoints(5L);
            statusOnly.getStatus().getProgress().setTotalPoints(10L);
            worker.resource(statusOnly).subresource("status").patch(apply("tracks-worker"));
            assertThat(admin.resources(AnalysisTask.class).inNamespace(namespace).withName("for-worker").get()
                    .getStatus().getProgress().getProcessedPoints()).isEqualTo(5L);

            assertForbidden(() -> worker.resources(AnalysisTask.class).inNamespace(namespace).list());
            assertForbidden(() -> task.get());
            assertForbidden(() -> task.delete());
            assertForbidden(() -> task.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}"));
            assertForbidden(() -> worker.secrets().inNamespace(namespace).withName("tracks-tracks-analysis-db").get());
        }
    }

    @Test
    void theOperatorRunsJobsAndReportsButTouchesNoSecretOrDeployment() {
        admin.resources(AnalysisTask.class).inNamespace(namespace).resource(task("for-operator")).create();
        try (KubernetesClient operator = clientAs("operator")) {
            var tasks = operator.resources(AnalysisTask.class).inNamespace(namespace);
            assertThat(tasks.list().getItems()).extracting(t -> t.getMetadata().getName()).contains("for-operator");
            tasks.withName("for-operator").subresource("status").patch(apply("tracks-operator"),
                    statusApply("for-operator", "{\"phase\":\"Queued\"}"));
            assertThat(tasks.withName("for-operator").get().getStatus().getPhase().displayName())
                    .isEqualTo("Queued");
            var jobs = operator.batch().v1().jobs().inNamespace(namespace);
            jobs.resource(job("for-operator")).create();
            assertThat(jobs.list().getItems()).extracting(j -> j.getMetadata().getName()).contains("for-operator");
            assertForbidden(() -> jobs.withName("for-operator")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{}"));
            jobs.withName("for-operator").delete();
            operator.pods().inNamespace(namespace).list();
            operator.v1().events().inNamespace(namespace).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName("for-operator.").endMetadata()
                    .withNewInvolvedObject().withKind("AnalysisTask").withName("for-operator")
                    .withNamespace(namespace).endInvolvedObject()
                    .withReason("Queued").withMessage("queued").withType("Normal").build()).create();
            var leases = operator.leases().inNamespace(namespace);
            leases.resource(new LeaseBuilder().withNewMetadata().withName("tracks-tracks-analysis-operator")
                    .endMetadata().withNewSpec().withHolderIdentity("replica-1").endSpec().build()).create();
            Lease lease = leases.withName("tracks-tracks-analysis-operator").get();
            lease.getSpec().setHolderIdentity("replica-2");
            leases.resource(lease).update();
            leases.withName("tracks-tracks-analysis-operator").edit(renewed -> {
                renewed.getSpec().setRenewTime(ZonedDateTime.now());
                return renewed;
            });

            assertForbidden(() -> tasks.resource(task("by-operator")).create());
            assertForbidden(() -> tasks.withName("for-operator").delete());
            assertForbidden(() -> tasks.withName("for-operator")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}"));
            assertForbidden(() -> operator.secrets().inNamespace(namespace).list());
            assertForbidden(() -> operator.apps().deployments().inNamespace(namespace).list());
            assertForbidden(() -> leases.withName("tracks-tracks-analysis-operator").delete());
            assertForbidden(() -> operator.pods().inNamespace(namespace).withName("any").delete());
        }
    }

    /** The account's rules in the namespace, by resource, without what every authenticated user may do. */
    private Map<String, Set<String>> permissions(String component) {
        CommandResult canI = controlPlane.kubectl("auth", "can-i", "--list", "-n", namespace,
                "--as=" + user(component));
        assertThat(canI.exitCode()).as(canI.toString()).isZero();
        Map<String, Set<String>> byResource = new LinkedHashMap<>();
        canI.stdout().lines().skip(1).forEach(line -> {
            String[] columns = line.trim().split("\\s{2,}");
            String verbs = columns[columns.length - 1];
            if (line.startsWith(" ")) {
                // A non-resource URL (/api, /healthz, ...): discovery, granted to everyone, read-only.
                assertThat(verbs).as(line).isEqualTo("[get]");
            } else if (!SELF_REVIEWS.contains(columns[0])) {
                byResource.put(columns[0], new TreeSet<>(Arrays.asList(
                        verbs.substring(1, verbs.length() - 1).split(" "))));
            }
        });
        return byResource;
    }

    private KubernetesClient clientAs(String component) {
        String token = admin.serviceAccounts().inNamespace(namespace).withName(accountName(component))
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build())
                .getStatus().getToken();
        assertThat(token).as("a token of " + component).isNotBlank();
        Config own = new ConfigBuilder(Config.empty())
                .withMasterUrl(admin.getConfiguration().getMasterUrl())
                .withCaCertData(admin.getConfiguration().getCaCertData())
                .withCaCertFile(admin.getConfiguration().getCaCertFile())
                .withOauthToken(token)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(own).build();
    }

    private static String accountName(String component) {
        return "tracks-tracks-analysis-" + component;
    }

    private static String user(String component) {
        return "system:serviceaccount:" + namespace + ":" + accountName(component);
    }

    private static AnalysisTask task(String name) {
        AnalysisTask task = new AnalysisTask();
        task.setMetadata(new ObjectMetaBuilder().withName(name).build());
        AnalysisTaskSpec spec = new AnalysisTaskSpec();
        spec.setSkill(Skill.GRID_SYSTEM);
        task.setSpec(spec);
        return task;
    }

    private static Job job(String name) {
        return new JobBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withNewTemplate()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("worker").withImage("tracks/worker").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    private static PatchContext apply(String fieldManager) {
        return new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(fieldManager)
                .withForce(true).build();
    }

    private static String statusApply(String name, String status) {
        return "{\"apiVersion\":\"analysis.tracks.dev/v1alpha1\",\"kind\":\"AnalysisTask\",\"metadata\":{\"name\":\""
                + name + "\"},\"status\":" + status + "}";
    }

    private static void assertForbidden(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getCode()).as(e.getMessage()).isEqualTo(403));
    }
}
