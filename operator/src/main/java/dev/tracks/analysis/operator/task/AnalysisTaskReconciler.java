package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.lifecycle.Admission;
import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.RunState;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.lifecycle.TaskLifecycle;
import dev.tracks.analysis.operator.job.JobRuns;
import dev.tracks.analysis.operator.job.JobSettings;
import dev.tracks.analysis.operator.job.WorkerJobs;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reconciles an AnalysisTask into a worker Job: observe (the task, its dependencies, its Job), decide
 * ({@link TaskLifecycle}, {@link Admission}), act (create or delete the Job), then report ({@link StatusReport},
 * applied with the operator's own field manager so the worker's progress stays).
 */
@ControllerConfiguration(name = AnalysisTaskReconciler.NAME, fieldManager = WorkerJobs.MANAGED_BY)
@RBACRule(apiGroups = "batch", resources = "jobs", verbs = {"get", "list", "watch", "create", "delete"})
@RBACRule(apiGroups = "", resources = "pods", verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "", resources = "events", verbs = {"create"})
// fabric8's LeaseLock renews the Lease with a patch (found by running the operator with the chart's RBAC).
@RBACRule(apiGroups = "coordination.k8s.io", resources = "leases", verbs = {"get", "create", "update", "patch"})
public class AnalysisTaskReconciler implements Reconciler<AnalysisTask> {

    public static final String NAME = "analysistask";
    /** Safety net for waiting and queued tasks; dependency and slot changes also trigger them at once. */
    private static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(AnalysisTaskReconciler.class);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final Admission.Limits limits;
    private final JobSettings jobSettings;
    private final KubernetesClient client;
    private final AdmissionLedger ledger = new AdmissionLedger();
    private final Clock clock = Clock.systemUTC();
    private final TaskMetrics metrics;
    private volatile IndexedResourceCache<AnalysisTask> tasks;

    public AnalysisTaskReconciler(OperatorSettings settings, KubernetesClient client, MeterRegistry registry) {
        // Derived once: the configuration does not change while the operator runs, and a bad entry fails the start.
        this.limits = settings.limits();
        this.jobSettings = settings.jobSettings();
        this.client = client;
        this.metrics = new TaskMetrics(registry, () -> tasks);
    }

    @Override
    public List<EventSource<?, AnalysisTask>> prepareEventSources(EventSourceContext<AnalysisTask> context) {
        tasks = context.getPrimaryCache();
        InformerEventSource<Job, AnalysisTask> jobs = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(Job.class, AnalysisTask.class)
                .withName("jobs")
                .withLabelSelector(WorkerJobs.MANAGED_BY_LABEL + "=" + WorkerJobs.MANAGED_BY)
                .withOnUpdateFilter((newJob, oldJob) -> JobRuns.outcomeChanged(oldJob, newJob))
                .withItemStore(new TransformingItemStore<>(JobRuns::asRead))
                .build(), context);
        // A task's phase change concerns the tasks that depend on it and, when it joins the queue or finishes, the
        // queued tasks (their positions and the free slots change).
        InformerEventSource<AnalysisTask, AnalysisTask> peers = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(AnalysisTask.class, AnalysisTask.class)
                        .withName("peers")
                        .withOnUpdateFilter((newTask, oldTask) -> phase(newTask) != phase(oldTask))
                        .withSecondaryToPrimaryMapper(changed -> context.getPrimaryCache().list()
                                .filter(task -> dependsOn(task, changed)
                                        || (movesQueue(changed) && phase(task) == TaskPhase.QUEUED))
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .build(), context);
        return List.of(jobs, peers);
    }

    @Override
    public UpdateControl<AnalysisTask> reconcile(AnalysisTask task, Context<AnalysisTask> context) {
        Instant now = clock.instant();
        List<Job> jobs = jobsOf(task, context);
        Job latest = JobRuns.latest(jobs).orElse(null);
        // A finished task never changes again: no need to list its pods for the last failure.
        boolean finished = phase(task) != null && phase(task).isFinished();
        RunState run = JobRuns.stateOf(jobs, latest == null || finished ? null : lastFailure(latest));
        TaskLifecycle.Observation observation = new TaskLifecycle.Observation(task.getMetadata().getName(),
                task.getSpec(), phase(task), dependencyPhases(task, context), dependencyGraph(task, context), run,
                now);
        Decision decision = TaskLifecycle.decide(observation);
        if (decision instanceof Decision.ReadyToRun) {
            decision = admit(task, decision, context);
        }
        if (decision instanceof Decision.Start || decision instanceof Decision.Retry) {
            int attempt = decision instanceof Decision.Retry retry ? retry.attempt() : 1;
            Optional<Duration> deadline = TaskLifecycle.remainingDeadline(task.getSpec(), run.startedAt(), now);
            latest = startJob(task, attempt, deadline);
            jobs = new ArrayList<>(jobs);
            jobs.add(latest);
            run = JobRuns.stateOf(jobs, null);
        }
        if (decision instanceof Decision.Finish finish && finish.stopRun() && latest != null) {
            client.batch().v1().jobs().resource(latest).withPropagationPolicy(DeletionPropagation.FOREGROUND)
                    .delete();
        }
        AnalysisTaskStatus next = StatusReport.next(task.getStatus(), decision, run,
                task.getMetadata().getGeneration(), JobRuns.startedGeneration(jobs),
                latest == null ? null : latest.getMetadata().getName(), now);
        TaskEvents.record(client, task, decision, next);
        UpdateControl<AnalysisTask> control = report(task, next);
        if (decision instanceof Decision.AwaitRetry await) {
            Duration wait = Duration.between(now, await.at());
            return control.rescheduleAfter(wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
        boolean pending = decision.phase() == TaskPhase.WAITING || decision.phase() == TaskPhase.QUEUED;
        return pending ? control.rescheduleAfter(RECHECK) : control;
    }

    /** Takes a slot under the lock; the Job itself is created outside it, so creations run in parallel. */
    private Decision admit(AnalysisTask task, Decision ready, Context<AnalysisTask> context) {
        synchronized (ledger) {
            List<AnalysisTask> all = context.getPrimaryCache().list().toList();
            List<Admission.Candidate> candidates = all.stream()
                    .filter(t -> phase(t) == TaskPhase.QUEUED || sameTask(t, task))
                    .filter(t -> !Boolean.TRUE.equals(t.getSpec().getCancel()))
                    .map(t -> new Admission.Candidate(key(t), t.getSpec().getSkill(),
                            t.getSpec().getPriority() == null ? 0 : t.getSpec().getPriority(),
                            Instant.parse(t.getMetadata().getCreationTimestamp())))
                    .toList();
            Map<String, TaskPhase> phases = all.stream().collect(Collectors.toMap(AnalysisTaskReconciler::key,
                    t -> Optional.ofNullable(phase(t)).orElse(TaskPhase.PENDING)));
            Admission.Verdict verdict = Admission.decide(candidates, ledger.running(all, phases), limits)
                    .get(key(task));
            Decision decision = TaskLifecycle.admit(ready, verdict);
            if (decision instanceof Decision.Start) {
                ledger.started(key(task), task.getSpec().getSkill());
            }
            return decision;
        }
    }

    private Job startJob(AnalysisTask task, int attempt, Optional<Duration> deadline) {
        Job job = WorkerJobs.build(task, jobSettings, attempt, deadline);
        try {
            Job created = client.batch().v1().jobs().inNamespace(task.getMetadata().getNamespace()).resource(job)
                    .create();
            metrics.admitted();
            LOG.infof("created Job %s", created.getMetadata().getName());
            return created;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                // Already there: an earlier reconcile made it and the cache has not seen it yet.
                return client.batch().v1().jobs().inNamespace(task.getMetadata().getNamespace())
                        .withName(job.getMetadata().getName()).get();
            }
            if (attempt == 1) {
                synchronized (ledger) {
                    ledger.forget(key(task));
                }
            }
            throw e;
        }
    }

    private UpdateControl<AnalysisTask> report(AnalysisTask task, AnalysisTaskStatus next) {
        AnalysisTaskStatus previous = task.getStatus();
        if (previous != null && operatorFields(previous).equals(operatorFields(next))) {
            return UpdateControl.noUpdate();
        }
        TaskPhase before = previous == null ? null : previous.getPhase();
        if (before != next.getPhase()) {
            LOG.infof("task %s/%s: %s -> %s (%s)", task.getMetadata().getNamespace(), task.getMetadata().getName(),
                    before, next.getPhase(), next.getMessage());
        }
        return UpdateControl.patchStatus(statusPatch(task, next));
    }

    /**
     * The status apply: the task's identity (the uid makes it fail on a task deleted and made again under the same
     * name) and the operator's status, nothing else. The status subresource ignores the rest of an object, and the
     * API server decodes and tracks the fields of everything it is sent: the whole task would cost it more for the
     * same result.
     */
    static AnalysisTask statusPatch(AnalysisTask task, AnalysisTaskStatus next) {
        AnalysisTask patch = new AnalysisTask();
        patch.setMetadata(new ObjectMetaBuilder().withName(task.getMetadata().getName())
                .withNamespace(task.getMetadata().getNamespace()).withUid(task.getMetadata().getUid()).build());
        patch.setStatus(next);
        return patch;
    }

    /**
     * The task's Jobs from the informer; when it has none yet but the status names one (just made, or an operator
     * restart before the cache filled), that one from the API server.
     */
    private List<Job> jobsOf(AnalysisTask task, Context<AnalysisTask> context) {
        List<Job> cached = new ArrayList<>(context.getSecondaryResources(Job.class));
        String named = task.getStatus() == null ? null : task.getStatus().getJobName();
        if (cached.isEmpty() && named != null) {
            Optional.ofNullable(client.batch().v1().jobs().inNamespace(task.getMetadata().getNamespace())
                    .withName(named).get()).ifPresent(cached::add);
        }
        return cached;
    }

    /** The termination message of the most recent failed worker pod, for the task's failure message. */
    private String lastFailure(Job job) {
        if (job.getStatus() == null || job.getStatus().getFailed() == null || job.getStatus().getFailed() == 0) {
            return null;
        }
        return client.pods().inNamespace(job.getMetadata().getNamespace())
                .withLabel("job-name", job.getMetadata().getName()).list().getItems().stream()
                .filter(pod -> pod.getStatus() != null && "Failed".equals(pod.getStatus().getPhase()))
                .max(Comparator.comparing(pod -> pod.getMetadata().getCreationTimestamp()))
                .flatMap(AnalysisTaskReconciler::terminationMessage)
                .orElse(null);
    }

    private static Optional<String> terminationMessage(Pod pod) {
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> s.getState() != null && s.getState().getTerminated() != null)
                .map(s -> "exit code " + s.getState().getTerminated().getExitCode()
                        + Optional.ofNullable(s.getState().getTerminated().getMessage()).map(m -> ": " + m).orElse(""))
                .findFirst();
    }

    private static Map<String, TaskPhase> dependencyPhases(AnalysisTask task, Context<AnalysisTask> context) {
        Map<String, TaskPhase> phases = new HashMap<>();
        for (String name : Optional.ofNullable(task.getSpec().getDependsOn()).orElse(List.of())) {
            context.getPrimaryCache().get(new ResourceID(name, task.getMetadata().getNamespace()))
                    .ifPresent(dependency -> phases.put(name, phase(dependency)));
        }
        return phases;
    }

    /** Every task's dependencies in the namespace; none needed for a task without any, which is on no cycle. */
    private static Map<String, List<String>> dependencyGraph(AnalysisTask task, Context<AnalysisTask> context) {
        if (Optional.ofNullable(task.getSpec().getDependsOn()).orElse(List.of()).isEmpty()) {
            return Map.of();
        }
        return context.getPrimaryCache().list(task.getMetadata().getNamespace())
                .collect(Collectors.toMap(t -> t.getMetadata().getName(),
                        t -> Optional.ofNullable(t.getSpec().getDependsOn()).orElse(List.of())));
    }

    private static boolean movesQueue(AnalysisTask changed) {
        TaskPhase phase = phase(changed);
        return phase == TaskPhase.QUEUED || (phase != null && phase.isFinished());
    }

    private static boolean dependsOn(AnalysisTask task, AnalysisTask dependency) {
        return Objects.equals(task.getMetadata().getNamespace(), dependency.getMetadata().getNamespace())
                && Optional.ofNullable(task.getSpec().getDependsOn()).orElse(List.of())
                .contains(dependency.getMetadata().getName());
    }

    private static String operatorFields(AnalysisTaskStatus status) {
        AnalysisTaskStatus copy = JSON.clone(status);
        copy.setProgress(null);
        copy.setResultSummary(null);
        return JSON.asJson(copy);
    }

    static TaskPhase phase(AnalysisTask task) {
        return task.getStatus() == null ? null : task.getStatus().getPhase();
    }

    static String key(AnalysisTask task) {
        return task.getMetadata().getNamespace() + "/" + task.getMetadata().getName();
    }

    private static boolean sameTask(AnalysisTask a, AnalysisTask b) {
        return key(a).equals(key(b));
    }
}
