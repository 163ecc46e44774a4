package dev.tracks.analysis.controlplane;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real Jobs on the real control plane: the Job controller creates pods, the scheduler binds them to the node agent's
 * node, the agent runs them as local processes, and the garbage collector cleans up.
 */
@RealKubernetes(workloads = true)
class JobLifecycleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final KubernetesClient client;
    private String namespace;
    private final ControlPlane controlPlane;

    JobLifecycleTest(ControlPlane controlPlane, KubernetesClient client) {
        this.controlPlane = controlPlane;
        this.client = client;
    }

    @BeforeEach
    void useNamespace(TestNamespace namespace) {
        this.namespace = namespace.name();
    }

    @Test
    void aJobWhoseProgramSucceedsCompletesWithItsTerminationMessage() {
        String messageFile = controlPlane.kubeconfig().getParent().resolve("termination-" + namespace).toString();
        create(new JobBuilder(job("succeeds", 0, TestProgram.command("exit", "0", "hello from a pod")))
                .editSpec().editTemplate().editSpec().editFirstContainer()
                .addNewEnv().withName("TERMINATION_FILE").withValue(messageFile).endEnv()
                .withTerminationMessagePath(messageFile)
                .endContainer().endSpec().endTemplate().endSpec().build());

        Job job = awaitCondition("succeeds", "Complete");
        assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
        Pod pod = pods("succeeds").get(0);
        assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
        assertThat(terminated(pod).getExitCode()).isZero();
        assertThat(terminated(pod).getMessage()).isEqualTo("hello from a pod");
        assertThat(pod.getSpec().getNodeName()).isEqualTo(NodeAgent.NODE_NAME);
    }

    @Test
    void aFailingJobIsRetriedUpToItsBackoffLimitAndShowsTheExitCode() {
        create(job("fails", 1, TestProgram.command("exit", "3", "bad parameter: radius")));

        Job job = awaitCondition("fails", "Failed");
        JobCondition failed = job.getStatus().getConditions().stream().filter(c -> "Failed".equals(c.getType()))
                .findFirst().orElseThrow();
        assertThat(failed.getReason()).isEqualTo("BackoffLimitExceeded");
        List<Pod> pods = pods("fails");
        assertThat(pods).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
            assertThat(terminated(pod).getExitCode()).isEqualTo(3);
            assertThat(terminated(pod).getMessage()).contains("bad parameter: radius");
        });
    }

    @Test
    void deletingAJobGarbageCollectsItsPodsAndEndsTheirProcesses() {
        create(job("sleeps", 0, TestProgram.command("sleep", "600")));
        await().atMost(TIMEOUT).until(() -> pods("sleeps").stream().anyMatch(isPhase("Running")));
        String podName = pods("sleeps").get(0).getMetadata().getName();
        ProcessHandle process = controlPlane.nodeAgent().process(namespace, podName, "main").orElseThrow();

        client.batch().v1().jobs().inNamespace(namespace).withName("sleeps").delete();

        await().atMost(TIMEOUT).until(() -> pods("sleeps").isEmpty());
        await().atMost(Duration.ofSeconds(15)).until(() -> !process.isAlive());
    }

    @Test
    void podsGetLiteralSecretConfigMapEnvFromDownwardApiAndCompletionIndexEnvironment() throws IOException {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("db")
                .endMetadata().addToStringData("password", "s3cret").build()).create();
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").endMetadata().addToData("batch", "500").build()).create();
        // Each pod writes what it saw to a file named after the pod (POD_NAME is defined before TERMINATION_FILE).
        Path outputs = controlPlane.kubeconfig().getParent().resolve("env-" + namespace);
        Job job = new JobBuilder(job("env", 0, TestProgram.command("env", "LITERAL", "EXPANDED", "DB_PASSWORD",
                "BATCH", "POD_NAME", "POD_NAMESPACE", "JOB_COMPLETION_INDEX", "CFG_batch")))
                .editSpec().withCompletionMode("Indexed").withCompletions(2).withParallelism(2)
                .editTemplate().editSpec().editFirstContainer()
                .addNewEnv().withName("LITERAL").withValue("plain").endEnv()
                .addNewEnv().withName("EXPANDED").withValue("$(LITERAL)-expanded").endEnv()
                .addNewEnv().withName("DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "db", false)
                .endValueFrom().endEnv()
                .addNewEnv().withName("BATCH").withNewValueFrom().withNewConfigMapKeyRef("batch", "settings", false)
                .endValueFrom().endEnv()
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("POD_NAMESPACE").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().endEnv()
                .addNewEnvFrom().withPrefix("CFG_").withNewConfigMapRef().withName("settings").endConfigMapRef()
                .endEnvFrom()
                .addNewEnv().withName("TERMINATION_FILE").withValue(outputs + "-$(POD_NAME)").endEnv()
                .endContainer().endSpec().endTemplate().endSpec().build();
        create(job);

        awaitCondition("env", "Complete");
        List<String> outputsOfPods = new ArrayList<>();
        for (Pod pod : pods("env")) {
            outputsOfPods.add(Files.readString(Path.of(outputs + "-" + pod.getMetadata().getName())));
        }
        assertThat(outputsOfPods).hasSize(2).allSatisfy(message -> assertThat(message)
                .contains("LITERAL=plain", "EXPANDED=plain-expanded", "DB_PASSWORD=s3cret", "BATCH=500",
                        "POD_NAMESPACE=" + namespace, "POD_NAME=env-", "CFG_batch=500"));
        assertThat(outputsOfPods).anySatisfy(m -> assertThat(m).contains("JOB_COMPLETION_INDEX=0"))
                .anySatisfy(m -> assertThat(m).contains("JOB_COMPLETION_INDEX=1"));
    }

    private static Job job(String name, int backoffLimit, List<String> command) {
        return new JobBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withBackoffLimit(backoffLimit)
                .withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("tracks/test-program:local").withCommand(command)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    private void create(Job job) {
        client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
    }

    private Job awaitCondition(String name, String type) {
        return client.batch().v1().jobs().inNamespace(namespace).withName(name).waitUntilCondition(
                job -> job != null && job.getStatus() != null && job.getStatus().getConditions().stream()
                        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus())),
                TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private List<Pod> pods(String jobName) {
        return client.pods().inNamespace(namespace).withLabel("job-name", jobName).list().getItems();
    }

    private static ContainerStateTerminated terminated(Pod pod) {
        return Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream()
                .map(s -> s.getState().getTerminated()).filter(t -> t != null).findFirst()
                .orElseThrow(() -> new AssertionError("pod " + pod.getMetadata().getName() + " has not terminated: "
                        + pod.getStatus()));
    }

    private static Predicate<Pod> isPhase(String phase) {
        return pod -> pod.getStatus() != null && phase.equals(pod.getStatus().getPhase());
    }
}
