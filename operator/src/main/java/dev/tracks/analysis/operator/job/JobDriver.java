package dev.tracks.analysis.operator.job;

import dev.tracks.analysis.lifecycle.RunDriver;
import dev.tracks.analysis.lifecycle.Runs;
import dev.tracks.analysis.task.AnalysisTask;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The operator's {@link RunDriver}: each attempt of a task is a worker Job ({@link WorkerJobs}), observed through the
 * informer's cache, created and deleted through the API server.
 */
public final class JobDriver implements RunDriver<Job> {

    private static final Logger LOG = Logger.getLogger(JobDriver.class);

    private final KubernetesClient client;
    private final JobSettings settings;
    private final Function<AnalysisTask, Collection<Job>> cachedJobs;
    private final Runnable onCreated;

    /**
     * @param cachedJobs the task's Jobs in the informer's cache
     * @param onCreated called for each Job this driver created
     */
    public JobDriver(KubernetesClient client, JobSettings settings, Function<AnalysisTask, Collection<Job>> cachedJobs,
            Runnable onCreated) {
        this.client = client;
        this.settings = settings;
        this.cachedJobs = cachedJobs;
        this.onCreated = onCreated;
    }

    @Override
    public Runs<Job> observe(AnalysisTask task) {
        List<Job> jobs = jobsOf(task);
        Optional<Job> latest = JobRuns.latest(jobs);
        // A finished task never changes again: no need to list its pods for the last failure.
        return runs(jobs, latest.isEmpty() || task.finished() ? null : lastFailure(latest.get()));
    }

    /** Creates the attempt's Job; one that exists already (made by an earlier reconcile) counts as made. */
    @Override
    public Runs<Job> start(AnalysisTask task, int attempt, Optional<Duration> deadline, Runs<Job> before,
            Instant now) {
        Job job = WorkerJobs.build(task, settings, attempt, deadline);
        Job created;
        try {
            created = client.batch().v1().jobs().inNamespace(task.getMetadata().getNamespace()).resource(job)
                    .create();
            onCreated.run();
            LOG.infof("created Job %s", created.getMetadata().getName());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // Already there: an earlier reconcile made it and the cache has not seen it yet.
            created = client.batch().v1().jobs().inNamespace(task.getMetadata().getNamespace())
                    .withName(job.getMetadata().getName()).get();
        }
        List<Job> jobs = new ArrayList<>(before.attempts());
        jobs.add(created);
        return runs(jobs, null);
    }

    /** Deletes the latest Job in the foreground: its pods go first, so no worker outlives the task's end. */
    @Override
    public void stop(AnalysisTask task, Runs<Job> runs, String why, Instant now) {
        JobRuns.latest(runs.attempts()).ifPresent(latest -> {
            LOG.infof("deleting Job %s (%s)", latest.getMetadata().getName(), why);
            client.batch().v1().jobs().resource(latest).withPropagationPolicy(DeletionPropagation.FOREGROUND)
                    .delete();
        });
    }

    private static Runs<Job> runs(List<Job> jobs, String failureDetail) {
        return new Runs<>(jobs, JobRuns.stateOf(jobs, failureDetail), JobRuns.startedGeneration(jobs),
                JobRuns.latest(jobs).map(job -> job.getMetadata().getName()).orElse(null));
    }

    /**
     * The task's Jobs from the informer; when it has none yet but the status names one (just made, or an operator
     * restart before the cache filled), that one from the API server.
     */
    private List<Job> jobsOf(AnalysisTask task) {
        List<Job> cached = new ArrayList<>(cachedJobs.apply(task));
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
                .flatMap(JobDriver::terminationMessage)
                .orElse(null);
    }

    private static Optional<String> terminationMessage(Pod pod) {
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> s.getState() != null && s.getState().getTerminated() != null)
                .map(s -> describe(s.getState().getTerminated()))
                .findFirst();
    }

    /**
     * "exit code N", the kubelet's reason when it says more than that the process failed (OOMKilled: the kernel
     * killed it over its memory limit), and the container's termination message.
     */
    static String describe(ContainerStateTerminated terminated) {
        String reason = terminated.getReason();
        boolean telling = reason != null && !reason.equals("Error") && !reason.equals("Completed");
        return "exit code " + terminated.getExitCode() + (telling ? " (" + reason + ")" : "")
                + Optional.ofNullable(terminated.getMessage()).map(m -> ": " + m).orElse("");
    }
}
