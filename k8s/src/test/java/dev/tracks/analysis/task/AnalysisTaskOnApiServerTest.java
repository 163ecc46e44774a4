package dev.tracks.analysis.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracks.analysis.controlplane.CommandResult;
import dev.tracks.analysis.controlplane.ControlPlane;
import dev.tracks.analysis.controlplane.RealKubernetes;
import dev.tracks.analysis.controlplane.TestNamespace;
import dev.tracks.analysis.skill.Skill;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated CRD on a real kube-apiserver, driven with kubectl as users do: schema, defaults, CEL rules, printer
 * columns, selectable fields, and server-side apply of the status by two field managers.
 */
@RealKubernetes
class AnalysisTaskOnApiServerTest {

    private static final String CRD = "crd/analysistasks.analysis.tracks.dev-v1.yml";

    private final ControlPlane controlPlane;
    private final KubernetesClient client;
    private String namespace;

    AnalysisTaskOnApiServerTest(ControlPlane controlPlane, KubernetesClient client) {
        this.controlPlane = controlPlane;
        this.client = client;
    }

    @BeforeEach
    void useNamespace(TestNamespace namespace) {
        this.namespace = namespace.name();
    }

    @BeforeAll
    static void installCrd(ControlPlane controlPlane) {
        assertSucceeded(controlPlane.kubectl("apply", "--server-side", "-f", CRD));
        assertSucceeded(controlPlane.kubectl("wait", "--for=condition=Established", "--timeout=60s",
                "crd/analysistasks.analysis.tracks.dev"));
    }

    @Test
    void samplesApplyAndKubectlShowsThePrinterColumns() {
        CommandResult apply = controlPlane.kubectl("apply", "-n", namespace, "-f", "samples/");
        assertSucceeded(apply);
        assertThat(apply.stdout().lines()).hasSize(16).allMatch(line -> line.endsWith(" created"));

        CommandResult get = controlPlane.kubectl("get", "atask", "-n", namespace, "stay-detection");
        assertSucceeded(get);
        assertThat(get.stdout().lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("NAME", "SKILL", "MODE", "PHASE", "PROGRESS", "ETA", "AGE");
        assertThat(get.stdout()).containsPattern("stay-detection\\s+stay_detection\\s+FULL_RECOMPUTE");

        CommandResult byCategory = controlPlane.kubectl("get", "tracks", "-n", namespace, "-o", "name");
        assertThat(byCategory.stdout().lines()).hasSize(16);
    }

    @Test
    void theApiServerFillsDefaultsAndSelectsBySkill() {
        assertSucceeded(controlPlane.kubectl("apply", "-n", namespace, "-f", "samples/grid-system.yaml"));
        AnalysisTask task = tasks().withName("grid-system").get();
        assertThat(task.getSpec().getMode()).isEqualTo(TaskMode.INCREMENTAL);
        assertThat(task.getSpec().getBatchSize()).isEqualTo(AnalysisTaskSpec.DEFAULT_BATCH_SIZE);
        assertThat(task.getSpec().getMaxRetries()).isEqualTo(AnalysisTaskSpec.DEFAULT_MAX_RETRIES);
        assertThat(task.getSpec().getCancel()).isFalse();

        assertSucceeded(controlPlane.kubectl("apply", "-n", namespace, "-f", "samples/stay-stats.yaml"));
        CommandResult selected = controlPlane.kubectl("get", "atask", "-n", namespace, "-o", "name",
                "--field-selector", "spec.skill=grid_system");
        assertSucceeded(selected);
        assertThat(selected.stdout().strip()).isEqualTo("analysistask.analysis.tracks.dev/grid-system");
    }

    @Test
    void kubectlWaitsOnStatusFieldsAndShowsProgress() {
        assertSucceeded(controlPlane.kubectl("apply", "-n", namespace, "-f", "samples/footprint-stats.yaml"));
        AnalysisTask task = tasks().withName("footprint-stats").get();
        task.setStatus(new AnalysisTaskStatus());
        task.getStatus().setPhase(TaskPhase.RUNNING);
        TaskProgress progress = new TaskProgress();
        progress.setPercent(42.5);
        progress.setEtaSeconds(120L);
        task.getStatus().setProgress(progress);
        tasks().resource(task).updateStatus();

        assertSucceeded(controlPlane.kubectl("wait", "-n", namespace, "--timeout=30s",
                "--for=jsonpath={.status.phase}=Running", "atask/footprint-stats"));
        CommandResult get = controlPlane.kubectl("get", "atask", "-n", namespace, "footprint-stats");
        assertThat(get.stdout()).containsPattern("footprint-stats\\s+footprint_stats\\s+INCREMENTAL\\s+Running"
                + "\\s+42.5\\s+120");
    }

    @Test
    void everyInvalidSampleIsRejectedNamingTheField() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("samples", "invalid"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            Map<?, ?> annotations = (Map<?, ?>) ((Map<?, ?>) new ObjectMapper(new YAMLFactory())
                    .readValue(file.toFile(), Map.class).get("metadata")).get("annotations");
            String field = (String) annotations.get("analysis.tracks.dev/expected-invalid-field");
            CommandResult apply = controlPlane.kubectl("apply", "-n", namespace, "-f", file.toString());
            if ("api-server".equals(annotations.get("analysis.tracks.dev/rejected-by"))) {
                assertThat(apply.exitCode()).as(file + ": " + apply).isNotZero();
                assertThat(apply.stderr()).as(file.toString()).contains(field);
            } else {
                assertThat(apply.exitCode()).as(file + " is for the catalog, the CRD keeps params open: " + apply)
                        .isZero();
            }
        }
    }

    /**
     * spec.resources case by case: the API server refuses exactly what {@link TaskSpecValidation} refuses (so the
     * admin API, the operator, the local mode and kubectl agree), naming the same field.
     */
    @Test
    void theApiServerRefusesTheResourcesTheSpecValidationRefuses(@TempDir Path directory) throws IOException {
        List<String> cases = List.of(
                "{limits: {cpu: abc}}", "{limits: {cpu: '-1'}}", "{limits: {cpu: -1}}", "{limits: {memory: -5Gi}}",
                "{limits: {memory: 1GiB}}", "{limits: {memory: '1 Gi'}}", "{limits: {memory: ' 1'}}",
                "{limits: {memory: ''}}", "{limits: {memory: '.'}}", "{limits: {memory: '1e1.5'}}",
                "{limits: {cpu: '1025'}}", "{limits: {memory: 33Ti}}", "{limits: {nvidia.com/gpu: '17'}}",
                "{limits: {nvidia.com/gpu: '1e9'}}", "{limits: {nvidia.com/gpu: 2000m}}",
                "{limits: {amd.com/gpu: '0.5'}}", "{limits: {gpu: '1'}}",
                "{requests: {cpu: '2'}, limits: {cpu: '1'}}",
                "{requests: {memory: 1025Mi}, limits: {memory: 1Gi}}", "{requests: {nvidia.com/gpu: '1'}}",
                "{requests: {amd.com/gpu: '1'}, limits: {amd.com/gpu: '2'}}", "{claims: [{name: gpu}]}",
                "{limit: {cpu: '1'}}",
                // accepted
                "{}", "{limits: {cpu: 500m, memory: 1Gi}, requests: {cpu: '0.5', memory: 512Mi}}",
                "{limits: {nvidia.com/gpu: 2}, requests: {nvidia.com/gpu: '2', cpu: '1e-3'}}",
                "{limits: {cpu: 1024, memory: 32Ti, ephemeral-storage: 1Pi, amd.com/gpu: '16'}}",
                "{limits: {cpu: '+1', memory: '1.', ephemeral-storage: '-0'}, requests: {memory: '.5'}}");
        for (int i = 0; i < cases.size(); i++) {
            String resources = cases.get(i);
            String yaml = "apiVersion: analysis.tracks.dev/v1alpha1\nkind: AnalysisTask\nmetadata: {name: resources-"
                    + i + "}\nspec: {skill: grid_system, resources: " + resources + "}\n";
            Path file = Files.writeString(directory.resolve("resources-" + i + ".yaml"), yaml);
            List<String> refused = refusedFields(yaml);
            CommandResult apply = controlPlane.kubectl("apply", "-n", namespace, "-f", file.toString());
            if (refused.isEmpty()) {
                assertThat(apply.exitCode()).as(resources + ": " + apply).isZero();
            } else {
                assertThat(apply.exitCode()).as(resources + " refused at " + refused + ": " + apply).isNotZero();
                // Map entries are named limits[cpu] by the API server, limits.cpu by the validation.
                refused.forEach(field -> assertThat(apply.stderr()).as(resources)
                        .contains(field.replaceFirst("^(spec[.]resources[.](limits|requests))[.].*", "$1")));
            }
        }
    }

    /** The fields TaskSpecValidation refuses in the task; a value the Java types cannot hold refuses spec.resources. */
    private static List<String> refusedFields(String yaml) {
        AnalysisTask task;
        try {
            task = Serialization.unmarshal(yaml, AnalysisTask.class);
        } catch (KubernetesClientException | IllegalArgumentException e) {
            return List.of("spec.resources");
        }
        return TaskSpecValidation.validate(task.getMetadata().getName(), task.getSpec()).stream()
                .map(FieldViolation::field).toList();
    }

    @Test
    void skillIsImmutableAndCancelCannotBeWithdrawn() {
        assertSucceeded(controlPlane.kubectl("apply", "-n", namespace, "-f", "samples/rendering-metadata.yaml"));

        CommandResult changeSkill = controlPlane.kubectl("patch", "atask", "rendering-metadata", "-n", namespace,
                "--type=merge", "-p", "{\"spec\":{\"skill\":\"grid_system\"}}");
        assertThat(changeSkill.exitCode()).isNotZero();
        assertThat(changeSkill.stderr()).contains("spec.skill").contains("skill is immutable");

        assertSucceeded(controlPlane.kubectl("patch", "atask", "rendering-metadata", "-n", namespace,
                "--type=merge", "-p", "{\"spec\":{\"cancel\":true}}"));
        CommandResult withdraw = controlPlane.kubectl("patch", "atask", "rendering-metadata", "-n", namespace,
                "--type=merge", "-p", "{\"spec\":{\"cancel\":false}}");
        assertThat(withdraw.exitCode()).isNotZero();
        assertThat(withdraw.stderr()).contains("spec.cancel").contains("cancel cannot be withdrawn once set");
    }

    @Test
    void serverSideApplyOfTheStatusByTwoManagersKeepsBothManagersFields() {
        AnalysisTask created = tasks().resource(TestTasks.task(namespace, "shared-status", Skill.TRIP_CONSTRUCTION))
                .create();

        AnalysisTaskStatus operatorView = new AnalysisTaskStatus();
        operatorView.setPhase(TaskPhase.RUNNING);
        operatorView.setObservedGeneration(created.getMetadata().getGeneration());
        operatorView.setJobName("shared-status-1");
        Condition running = new ConditionBuilder().withType("Running").withStatus("True").withReason("JobRunning")
                .withMessage("the worker runs").withLastTransitionTime("2026-11-28T10:00:00Z")
                .withObservedGeneration(created.getMetadata().getGeneration()).build();
        operatorView.setConditions(List.of(running));
        TestTasks.applyStatus(client, namespace, "shared-status", operatorView, "tracks-operator");

        for (long processed : new long[] {100, 250}) {
            AnalysisTaskStatus workerView = new AnalysisTaskStatus();
            TaskProgress progress = new TaskProgress();
            progress.setTotalPoints(1000L);
            progress.setProcessedPoints(processed);
            progress.setPercent(processed / 10.0);
            workerView.setProgress(progress);
            TestTasks.applyStatus(client, namespace, "shared-status", workerView, "tracks-worker");
        }

        AnalysisTask merged = tasks().withName("shared-status").get();
        assertThat(merged.getStatus().getPhase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(merged.getStatus().getJobName()).isEqualTo("shared-status-1");
        assertThat(merged.getStatus().getConditions()).extracting(Condition::getType).containsExactly("Running");
        assertThat(merged.getStatus().getProgress().getProcessedPoints()).isEqualTo(250L);
        assertThat(merged.getStatus().getProgress().getPercent()).isEqualTo(25.0);
        assertThat(merged.getMetadata().getManagedFields())
                .filteredOn(entry -> "status".equals(entry.getSubresource()))
                .extracting(ManagedFieldsEntry::getManager)
                .containsExactlyInAnyOrder("tracks-operator", "tracks-worker");
    }

    private NonNamespaceOperation<AnalysisTask, KubernetesResourceList<AnalysisTask>, Resource<AnalysisTask>> tasks() {
        return client.resources(AnalysisTask.class).inNamespace(namespace);
    }

    private static void assertSucceeded(CommandResult result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }
}
