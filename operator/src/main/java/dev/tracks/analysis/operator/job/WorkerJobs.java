package dev.tracks.analysis.operator.job;

import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskSpec;
import dev.tracks.analysis.task.WorkerContract;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch/v1 Job that runs one attempt of a task's worker. Created once and never updated (a pod template cannot
 * change): its name comes from the task's uid and the attempt number, so an operator that restarts finds the Job it
 * made instead of making a second one. Each Job runs one attempt (backoffLimit 0); the operator makes the next
 * attempt after the task's backoff, so that spec.backoffSeconds and a deadline across retries hold.
 */
public final class WorkerJobs {

    public static final String CONTAINER = "worker";
    public static final String TASK_LABEL = "analysis.tracks.dev/task";
    public static final String SKILL_LABEL = "analysis.tracks.dev/skill";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "tracks-operator";
    /** The attempt a Job runs, from 1. */
    public static final String ATTEMPT_LABEL = "analysis.tracks.dev/attempt";
    /** The task's metadata.generation the Job was made from. */
    public static final String GENERATION_ANNOTATION = "analysis.tracks.dev/spec-generation";

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final int MAX_NAME = 63;

    private WorkerJobs() {
    }

    /**
     * {@code <task name>-<8 hex digits of the uid's hash>-<attempt>}, at most 63 characters (the job-name label's
     * limit).
     */
    public static String jobName(AnalysisTask task, int attempt) {
        String suffix = "-" + shortHash(task.getMetadata().getUid()) + "-" + attempt;
        String name = task.getMetadata().getName();
        String base = name.length() > MAX_NAME - suffix.length() ? name.substring(0, MAX_NAME - suffix.length())
                : name;
        return stripTrailing(base) + suffix;
    }

    /**
     * @param attempt the attempt this Job runs, from 1
     * @param deadline what is left of the task's deadline, if it has one
     */
    public static Job build(AnalysisTask task, JobSettings settings, int attempt, Optional<Duration> deadline) {
        AnalysisTaskSpec spec = task.getSpec();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "tracks-worker");
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        labels.put(TASK_LABEL, task.getMetadata().getName());
        labels.put(SKILL_LABEL, spec.getSkill().id());
        labels.put(ATTEMPT_LABEL, String.valueOf(attempt));
        int shards = spec.parallelismOrDefault();
        ResourceRequirements resources = spec.resourcesIfAny().orElseGet(() -> settings.resourcesFor(spec.getSkill()));
        return new JobBuilder()
                .withNewMetadata()
                .withName(jobName(task, attempt))
                .withNamespace(task.getMetadata().getNamespace())
                .withLabels(labels)
                .addToAnnotations(GENERATION_ANNOTATION, String.valueOf(task.getMetadata().getGeneration()))
                .addToOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(task.getApiVersion()).withKind(task.getKind())
                        .withName(task.getMetadata().getName()).withUid(task.getMetadata().getUid())
                        .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(deadline.map(left -> Math.max(1, (left.toMillis() + 999) / 1000))
                        .orElse(null))
                .withTtlSecondsAfterFinished(settings.ttlSecondsAfterFinished())
                .withCompletionMode(shards > 1 ? "Indexed" : "NonIndexed")
                .withCompletions(shards)
                .withParallelism(shards)
                .withNewPodFailurePolicy()
                // Invalid parameters: no retry can help, fail the Job at once.
                .addNewRule().withAction("FailJob").withNewOnExitCodes().withContainerName(CONTAINER)
                .withOperator("In").withValues(WorkerContract.EXIT_NOT_RETRYABLE).endOnExitCodes().endRule()
                // Evictions and preemptions are not the worker's fault: they do not use up a retry.
                .addNewRule().withAction("Ignore").addNewOnPodCondition().withType("DisruptionTarget")
                .withStatus("True").endOnPodCondition().endRule()
                .endPodFailurePolicy()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(settings.serviceAccount())
                .withAutomountServiceAccountToken(true)
                .withPriorityClassName(settings.priorityClassFor(spec.priorityOrDefault()).orElse(null))
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(settings.image())
                .withImagePullPolicy(settings.imagePullPolicy())
                .withCommand(settings.command().isEmpty() ? null : settings.command())
                .withArgs("run")
                .withEnv(environment(task, attempt, shards, settings))
                .withResources(resources)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .endContainer()
                // The root filesystem is read-only; the JVM and the worker write temporary files here.
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static List<EnvVar> environment(AnalysisTask task, int attempt, int shards, JobSettings settings) {
        AnalysisTaskSpec spec = task.getSpec();
        List<EnvVar> env = new ArrayList<>();
        env.add(literal(WorkerContract.ENV_TASK_NAMESPACE, task.getMetadata().getNamespace()));
        env.add(literal(WorkerContract.ENV_TASK_NAME, task.getMetadata().getName()));
        env.add(literal(WorkerContract.ENV_TASK_UID, task.getMetadata().getUid()));
        env.add(literal(WorkerContract.ENV_SKILL, spec.getSkill().id()));
        env.add(literal(WorkerContract.ENV_MODE, spec.modeOrDefault().name()));
        env.add(literal(WorkerContract.ENV_PARAMS, JSON.asJson(spec.paramsOrEmpty())));
        env.add(literal(WorkerContract.ENV_BATCH_SIZE, String.valueOf(spec.batchSizeOrDefault())));
        spec.scopeIfAny().ifPresent(scope -> env.add(literal(WorkerContract.ENV_SCOPE, JSON.asJson(scope))));
        env.add(literal(WorkerContract.ENV_SHARD_COUNT, String.valueOf(shards)));
        WorkerContract.earlierProgress(spec, attempt, task.getStatus() == null ? null : task.getStatus().getProgress())
                .forEach((name, value) -> env.add(literal(name, value)));
        env.add(secret(WorkerContract.ENV_DB_URL, settings.databaseSecret(), settings.databaseUrlKey()));
        env.add(secret(WorkerContract.ENV_DB_USER, settings.databaseSecret(), settings.databaseUserKey()));
        env.add(secret(WorkerContract.ENV_DB_PASSWORD, settings.databaseSecret(), settings.databasePasswordKey()));
        return env;
    }

    private static EnvVar literal(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar secret(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef(key, secret, false)
                .endValueFrom().build();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String stripTrailing(String name) {
        String stripped = name;
        while (stripped.endsWith("-") || stripped.endsWith(".")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
