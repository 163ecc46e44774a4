package dev.tracks.analysis.operator.job;

import dev.tracks.analysis.lifecycle.RunState;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Reads a task's worker Jobs (one per attempt) as the {@link RunState} the lifecycle decisions take. */
public final class JobRuns {

    private JobRuns() {
    }

    /**
     * @param jobs the task's Jobs, one per attempt (empty when none was made)
     * @param failureDetail the termination message of the latest attempt's failed worker pod, if any
     */
    public static RunState stateOf(Collection<Job> jobs, String failureDetail) {
        Optional<Job> latest = latest(jobs);
        if (latest.isEmpty()) {
            return new RunState.NotStarted();
        }
        Job job = latest.get();
        int attempts = attempt(job);
        Instant started = jobs.stream().map(j -> Instant.parse(j.getMetadata().getCreationTimestamp()))
                .min(Comparator.naturalOrder()).orElse(null);
        JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
        Optional<JobCondition> complete = condition(status, "Complete");
        if (complete.isPresent()) {
            return new RunState.Succeeded(attempts, started, time(complete.get(), status));
        }
        Optional<JobCondition> failed = condition(status, "Failed");
        if (failed.isPresent()) {
            String message = Optional.ofNullable(failed.get().getMessage()).orElse("the Job failed");
            if (failureDetail != null && !failureDetail.isBlank()) {
                message = failureDetail.strip();
            }
            return new RunState.Failed(attempts, started, time(failed.get(), status), failed.get().getReason(),
                    message);
        }
        return new RunState.Active(attempts, started);
    }

    /**
     * Whether an update of a Job changes what {@link #stateOf} reads of it: its end (Complete or Failed) and its
     * failed pods. The Job controller updates a running Job several times (pods active, ready, terminating); none of
     * that changes the task, so those updates need no reconcile.
     */
    public static boolean outcomeChanged(Job before, Job after) {
        return !outcome(before).equals(outcome(after));
    }

    private record Outcome(boolean complete, boolean failed, Integer failedPods) {
    }

    private static Outcome outcome(Job job) {
        JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
        return new Outcome(condition(status, "Complete").isPresent(), condition(status, "Failed").isPresent(),
                status.getFailed());
    }

    /**
     * What the operator reads of a Job ({@link #stateOf}, {@link #startedGeneration}, the owner reference that maps it
     * to its task): its metadata without managedFields, and its status. The informer keeps this instead of the whole
     * Job; a thousand pod templates and field-manager lists would otherwise be most of the operator's heap.
     */
    public static Job asRead(Job job) {
        ObjectMeta metadata = new ObjectMetaBuilder(job.getMetadata()).build();
        metadata.setManagedFields(null);
        return new JobBuilder().withApiVersion(job.getApiVersion()).withKind(job.getKind()).withMetadata(metadata)
                .withStatus(job.getStatus()).build();
    }

    /** The Job of the latest attempt. */
    public static Optional<Job> latest(Collection<Job> jobs) {
        return jobs.stream().max(Comparator.comparingInt(JobRuns::attempt));
    }

    /** The task generation the first attempt was made from, if there was one. */
    public static Long startedGeneration(Collection<Job> jobs) {
        return jobs.stream().min(Comparator.comparingInt(JobRuns::attempt))
                .map(job -> job.getMetadata().getAnnotations())
                .map(annotations -> annotations.get(WorkerJobs.GENERATION_ANNOTATION))
                .map(Long::valueOf)
                .orElse(null);
    }

    static int attempt(Job job) {
        String label = job.getMetadata().getLabels() == null ? null
                : job.getMetadata().getLabels().get(WorkerJobs.ATTEMPT_LABEL);
        return label == null ? 1 : Integer.parseInt(label);
    }

    private static Optional<JobCondition> condition(JobStatus status, String type) {
        return status.getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }

    private static Instant time(JobCondition condition, JobStatus status) {
        String time = Optional.ofNullable(status.getCompletionTime()).orElse(condition.getLastTransitionTime());
        return time == null ? Instant.now() : Instant.parse(time);
    }
}
