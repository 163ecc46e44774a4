package dev.tracks.analysis.operator.job;

import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskProgress;
import dev.tracks.analysis.task.TaskScope;
import dev.tracks.analysis.task.TestTasks;
import dev.tracks.analysis.task.WorkerContract;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerJobsTest {

    private static final JobSettings SETTINGS = new JobSettings("registry.example/tracks-worker:1.0", "IfNotPresent",
            List.of(), "tracks-worker", 3600, "tracks-db", "url", "user", "password",
            new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("250m")).build(),
            Map.of(Skill.STAY_DETECTION, new ResourceRequirementsBuilder()
                    .addToRequests("memory", new Quantity("1Gi")).build()),
            Map.of(0, "tracks-normal", 100, "tracks-high"));

    @Test
    void nameIsDeterministicPerTaskAndFitsTheLabelLimit() {
        AnalysisTask task = task("stays", Skill.STAY_DETECTION);
        assertThat(WorkerJobs.jobName(task, 1))
                .isEqualTo(WorkerJobs.jobName(task("stays", Skill.STAY_DETECTION), 1))
                .matches("stays-[0-9a-f]{8}-1");
        assertThat(WorkerJobs.jobName(task, 2)).endsWith("-2");
        AnalysisTask longName = task("a".repeat(60) + "-b", Skill.GRID_SYSTEM);
        assertThat(WorkerJobs.jobName(longName, 21)).hasSize(63).doesNotContain("--");
    }

    @Test
    void jobIsOwnedByItsTaskAndRecordsTheGeneration() {
        Job job = firstAttempt(task("stays", Skill.STAY_DETECTION));
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("AnalysisTask");
            assertThat(owner.getUid()).isEqualTo("uid-stays");
            assertThat(owner.getController()).isTrue();
        });
        assertThat(job.getMetadata().getAnnotations()).containsEntry(WorkerJobs.GENERATION_ANNOTATION, "4");
        assertThat(job.getMetadata().getLabels()).containsEntry(WorkerJobs.TASK_LABEL, "stays")
                .containsEntry(WorkerJobs.SKILL_LABEL, "stay_detection");
        assertThat(JobRuns.startedGeneration(List.of(job))).isEqualTo(4L);
    }

    @Test
    void oneAttemptPerJobWithWhatIsLeftOfTheDeadlineTtlAndFailurePolicy() {
        AnalysisTask task = task("stays", Skill.STAY_DETECTION);
        Job job = WorkerJobs.build(task, SETTINGS, 3, Optional.of(Duration.ofMillis(599_500)));
        assertThat(job.getSpec().getBackoffLimit()).as("the operator retries, after the task's backoff").isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
        assertThat(job.getMetadata().getLabels()).containsEntry(WorkerJobs.ATTEMPT_LABEL, "3");
        assertThat(firstAttempt(task).getSpec().getActiveDeadlineSeconds())
                .isNull();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
        assertThat(job.getSpec().getPodFailurePolicy().getRules()).satisfiesExactly(
                failJob -> {
                    assertThat(failJob.getAction()).isEqualTo("FailJob");
                    assertThat(failJob.getOnExitCodes().getValues()).containsExactly(WorkerContract.EXIT_NOT_RETRYABLE);
                },
                ignore -> {
                    assertThat(ignore.getAction()).isEqualTo("Ignore");
                    assertThat(ignore.getOnPodConditions()).singleElement()
                            .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
                });
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void severalShardsMakeAnIndexedJob() {
        AnalysisTask task = task("grid", Skill.GRID_SYSTEM);
        task.getSpec().setParallelism(4);
        Job job = firstAttempt(task);
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getCompletions()).isEqualTo(4);
        assertThat(job.getSpec().getParallelism()).isEqualTo(4);
        assertThat(env(job)).containsEntry(WorkerContract.ENV_SHARD_COUNT, "4");
        assertThat(firstAttempt(task("one", Skill.GRID_SYSTEM)).getSpec()
                .getCompletionMode())
                .isEqualTo("NonIndexed");
    }

    @Test
    void podIsRestrictedAndRunsAsTheWorkerServiceAccount() {
        PodSpec pod = firstAttempt(task("stays", Skill.STAY_DETECTION)).getSpec().getTemplate()
                .getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("tracks-worker");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        Container worker = pod.getContainers().get(0);
        assertThat(worker.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(worker.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(worker.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(worker.getVolumeMounts()).extracting(m -> m.getMountPath()).containsExactly("/tmp");
        assertThat(worker.getImage()).isEqualTo("registry.example/tracks-worker:1.0");
        assertThat(worker.getArgs()).containsExactly("run");
    }

    @Test
    void workerLearnsItsTaskFromTheEnvironmentAndItsDatabaseOnlyFromASecret() {
        AnalysisTask task = task("stays", Skill.STAY_DETECTION);
        task.getSpec().setParams(Map.of("distThresholdMeters", 50));
        TaskScope scope = new TaskScope();
        scope.setUserIds(List.of("020"));
        task.getSpec().setScope(scope);
        Job job = firstAttempt(task);
        assertThat(env(job)).containsEntry(WorkerContract.ENV_TASK_NAMESPACE, "tracks")
                .containsEntry(WorkerContract.ENV_TASK_NAME, "stays")
                .containsEntry(WorkerContract.ENV_SKILL, "stay_detection")
                .containsEntry(WorkerContract.ENV_MODE, "INCREMENTAL")
                .containsEntry(WorkerContract.ENV_PARAMS, "{\"distThresholdMeters\":50}")
                .containsEntry(WorkerContract.ENV_BATCH_SIZE,
                        String.valueOf(AnalysisTaskSpec.DEFAULT_BATCH_SIZE))
                .containsEntry(WorkerContract.ENV_SCOPE, "{\"userIds\":[\"020\"]}");
        List<EnvVar> database = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().startsWith("TRACKS_DB_")).toList();
        assertThat(database).hasSize(3).allSatisfy(e -> {
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("tracks-db");
        });
    }

    @Test
    void anIncrementalRetryIsToldWhatTheEarlierAttemptsAnalysed() {
        AnalysisTask task = task("stays", Skill.STAY_DETECTION);
        TaskProgress reported = new TaskProgress();
        reported.setProcessedPoints(4000L);
        reported.setFailedPoints(3L);
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setProgress(reported);
        task.setStatus(status);
        assertThat(env(WorkerJobs.build(task, SETTINGS, 2, Optional.empty())))
                .containsEntry(WorkerContract.ENV_EARLIER_PROCESSED_POINTS, "4000")
                .containsEntry(WorkerContract.ENV_EARLIER_FAILED_POINTS, "3");
        assertThat(env(firstAttempt(task))).doesNotContainKey(WorkerContract.ENV_EARLIER_PROCESSED_POINTS);
    }

    @Test
    void resourcesComeFromTheTaskElseTheSkillElseTheDefault() {
        assertThat(container(firstAttempt(task("stays", Skill.STAY_DETECTION))).getResources()
                .getRequests()).containsOnlyKeys("memory");
        assertThat(container(firstAttempt(task("grid", Skill.GRID_SYSTEM))).getResources()
                .getRequests()).containsOnlyKeys("cpu");
        AnalysisTask own = task("own", Skill.GRID_SYSTEM);
        own.getSpec().setResources(new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("2Gi"))
                .build());
        assertThat(container(firstAttempt(own)).getResources().getLimits()).containsOnlyKeys("memory");
        AnalysisTask empty = task("empty", Skill.GRID_SYSTEM);
        empty.getSpec().setResources(new ResourceRequirements());
        assertThat(container(firstAttempt(empty)).getResources()).as("resources: {} takes the defaults too")
                .isEqualTo(container(firstAttempt(task("grid", Skill.GRID_SYSTEM))).getResources());
    }

    @Test
    void priorityPicksThePriorityClass() {
        AnalysisTask urgent = task("urgent", Skill.GRID_SYSTEM);
        urgent.getSpec().setPriority(500);
        assertThat(firstAttempt(urgent).getSpec().getTemplate().getSpec().getPriorityClassName())
                .isEqualTo("tracks-high");
        AnalysisTask low = task("low", Skill.GRID_SYSTEM);
        low.getSpec().setPriority(-5);
        assertThat(firstAttempt(low).getSpec().getTemplate().getSpec().getPriorityClassName())
                .isNull();
    }

    private static Job firstAttempt(AnalysisTask task) {
        return WorkerJobs.build(task, SETTINGS, 1, Optional.empty());
    }

    private static Map<String, String> env(Job job) {
        return container(job).getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static Container container(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static AnalysisTask task(String name, Skill skill) {
        AnalysisTask task = TestTasks.task("tracks", name, skill);
        task.getMetadata().setUid("uid-" + name);
        task.getMetadata().setGeneration(4L);
        return task;
    }
}
