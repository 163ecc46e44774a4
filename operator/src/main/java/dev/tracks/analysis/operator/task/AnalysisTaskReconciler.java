package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.lifecycle.Admission;
import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.LifecycleStep;
import dev.tracks.analysis.lifecycle.Runs;
import dev.tracks.analysis.lifecycle.StatusReport;
import dev.tracks.analysis.lifecycle.TaskLifecycle;
import dev.tracks.analysis.operator.job.JobDriver;
import dev.tracks.analysis.operator.job.JobRuns;
import dev.tracks.analysis.operator.job.JobSettings;
import dev.tracks.analysis.operator.job.WorkerJobs;
import dev.tracks.analysis.skill.Skill;
import dev.tracks.analysis.task.AnalysisTask;
import dev.tracks.analysis.task.TaskLabels;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reconciles an AnalysisTask into a worker Job: observe (the task, its dependencies, its Jobs), decide
 * ({@link TaskLifecycle}, {@link Admission}), act and report ({@link LifecycleStep} through the {@link JobDriver}, as
 * the local mode does through its processes), then apply the status with the operator's own field manager so the
 * worker's progress stays. A reconcile that fails leaves its reason in the status ({@link #updateErrorStatus}).
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
    /** Condition messages stay readable; the API server's own messages are far shorter. */
    private static final int MAX_REASON = 1024;

    private final Admission.Limits limits;
    private final JobSettings jobSettings;
    private final KubernetesClient client;
    private final AdmissionLedger ledger = new AdmissionLedger();
    private final Clock clock = Clock.systemUTC();
    private final TaskMetrics metrics;
    private volatile IndexedResourceCache<AnalysisTask> tasks;
    private volatile JobDriver jobs;
    private volatile TaskTransitions transitions;

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
        InformerEventSource<Job, AnalysisTask> jobInformer = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(Job.class, AnalysisTask.class)
                .withName("jobs")
                .withLabelSelector(WorkerJobs.MANAGED_BY_LABEL + "=" + WorkerJobs.MANAGED_BY)
                .withOnUpdateFilter((newJob, oldJob) -> JobRuns.outcomeChanged(oldJob, newJob))
                .withItemStore(new TransformingItemStore<>(JobRuns::asRead))
                .build(), context);
        transitions = new TaskTransitions(context.getPrimaryCache());
        jobs = new JobDriver(client, jobSettings, jobInformer::getSecondaryResources, metrics::admitted);
        return List.of(jobInformer, transitions);
    }

    @Override
    public UpdateControl<AnalysisTask> reconcile(AnalysisTask task, Context<AnalysisTask> context) {
        Instant now = clock.instant();
        Runs<Job> runs = jobs.observe(task);
        TaskLifecycle.Observation observation = new TaskLifecycle.Observation(task.getMetadata().getName(),
                task.getSpec(), task.phase(), dependencyPhases(task, context), dependencyGraph(task, context),
                runs.state(), now);
        Decision decision = TaskLifecycle.decide(observation);
        if (decision instanceof Decision.ReadyToRun) {
            decision = admit(task, decision, context);
        }
        LifecycleStep.Outcome<Job> outcome;
        try {
            outcome = LifecycleStep.act(task, decision, runs, jobs, now);
        } catch (RuntimeException e) {
            if (decision instanceof Decision.Start) {
                synchronized (ledger) {
                    ledger.forget(ResourceID.fromResource(task));
                }
            }
            throw e;
        }
        TaskEvents.record(client, task, decision, outcome.status());
        UpdateControl<AnalysisTask> control = report(task, outcome, context);
        if (decision instanceof Decision.AwaitRetry await) {
            Duration wait = Duration.between(now, await.at());
            return control.rescheduleAfter(wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
        boolean pending = decision.phase() == TaskPhase.WAITING || decision.phase() == TaskPhase.QUEUED;
        return pending ? control.rescheduleAfter(RECHECK) : control;
    }

    /**
     * A reconcile that threw (the API server refused a Job, a status apply failed...) leaves its reason in the
     * status: condition Reconciled False with the error's message, until a reconcile succeeds. JOSDK retries it.
     */
    @Override
    public ErrorStatusUpdateControl<AnalysisTask> updateErrorStatus(AnalysisTask task, Context<AnalysisTask> context,
            Exception e) {
        AnalysisTaskStatus next = StatusReport.reconcileFailed(task.getStatus(), task.getMetadata().getGeneration(),
                reason(e), clock.instant());
        if (!StatusReport.changes(task.getStatus(), next)) {
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        LOG.warnf("task %s: reconcile failed: %s", key(task), reason(e));
        writeStatus(task, next, context);
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** What the API server said (its Status message), else the exception's message; bounded for a condition. */
    static String reason(Exception e) {
        String message = e instanceof KubernetesClientException k && k.getStatus() != null
                && k.getStatus().getMessage() != null ? k.getStatus().getMessage() : String.valueOf(e.getMessage());
        String reason = e.getClass().getSimpleName() + ": " + message;
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 3) + "..." : reason;
    }

    /**
     * Takes a slot under the lock; the Job itself is created outside it, so creations run in parallel. Reads only the
     * queued and the running tasks (the phase index), not every task: with a thousand tasks a scan per start was a
     * fifth of the operator's CPU.
     */
    private Decision admit(AnalysisTask task, Decision ready, Context<AnalysisTask> context) {
        ResourceID id = ResourceID.fromResource(task);
        synchronized (ledger) {
            List<Admission.Candidate> candidates = new ArrayList<>();
            if (!task.getSpec().cancelRequested()) {
                candidates.add(candidate(task));
            }
            transitions.inPhase(TaskPhase.QUEUED).stream()
                    .filter(t -> !t.getSpec().cancelRequested() && !ResourceID.fromResource(t).equals(id))
                    .forEach(t -> candidates.add(candidate(t)));
            List<Skill> running = ledger.running(transitions.holdingSlots(), context.getPrimaryCache()::get);
            Admission.Verdict verdict = Admission.decide(candidates, running, limits).get(key(task));
            Decision decision = TaskLifecycle.admit(ready, verdict);
            if (decision instanceof Decision.Start) {
                ledger.started(id, task.getSpec().getSkill());
            }
            return decision;
        }
    }

    private static Admission.Candidate candidate(AnalysisTask task) {
        return new Admission.Candidate(key(task), task.getSpec().getSkill(), task.getSpec().priorityOrDefault(),
                Instant.parse(task.getMetadata().getCreationTimestamp()),
                TaskLabels.chainDepth(task.getMetadata().getAnnotations()));
    }

    private UpdateControl<AnalysisTask> report(AnalysisTask task, LifecycleStep.Outcome<Job> outcome,
            Context<AnalysisTask> context) {
        if (!outcome.changed()) {
            return UpdateControl.noUpdate();
        }
        if (outcome.phaseChanged()) {
            LOG.infof("task %s: %s -> %s (%s)", key(task), outcome.previousPhase(), outcome.status().getPhase(),
                    outcome.status().getMessage());
        }
        StatusReport.newFailure(task.getStatus(), outcome.status()).ifPresent(failure ->
                LOG.warnf("task %s: %s", key(task), failure.describe()));
        AnalysisTask written = writeStatus(task, outcome.status(), context);
        transitions.phaseWritten(written, outcome.previousPhase());
        return UpdateControl.noUpdate();
    }

    /**
     * Writes the operator's status fields through the SDK, which keeps the task as written in the primary cache until
     * the informer has it: the next reconcile, and the tasks woken by a phase change, read the new status from there.
     */
    private AnalysisTask writeStatus(AnalysisTask task, AnalysisTaskStatus next, Context<AnalysisTask> context) {
        return context.resourceOperations().serverSideApplyPrimaryStatus(statusPatch(task, next));
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

    private static Map<String, TaskPhase> dependencyPhases(AnalysisTask task, Context<AnalysisTask> context) {
        Map<String, TaskPhase> phases = new HashMap<>();
        for (String name : task.getSpec().dependsOnOrEmpty()) {
            context.getPrimaryCache().get(new ResourceID(name, task.getMetadata().getNamespace()))
                    .ifPresent(dependency -> phases.put(name, dependency.phase()));
        }
        return phases;
    }

    /** Every task's dependencies in the namespace; none needed for a task without any, which is on no cycle. */
    private static Map<String, List<String>> dependencyGraph(AnalysisTask task, Context<AnalysisTask> context) {
        if (task.getSpec().dependsOnOrEmpty().isEmpty()) {
            return Map.of();
        }
        return context.getPrimaryCache().list(task.getMetadata().getNamespace())
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t.getSpec().dependsOnOrEmpty()));
    }

    static String key(AnalysisTask task) {
        return task.getMetadata().getNamespace() + "/" + task.getMetadata().getName();
    }
}
