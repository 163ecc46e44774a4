package dev.tracks.analysis.operator.job;

import dev.tracks.analysis.lifecycle.RunState;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Instant;
import java.util.Optional;

/** Reads a worker Job as the {@link RunState} the lifecycle decisions take. */
public final class JobRuns {

    private JobRuns() {
    }

    /**
     * @param job the task's Job, or null when there is none
     * @param failureDetail the termination message of the last failed worker pod, if any
     */
    public static RunState stateOf(Job job, String failureDetail) {
        if (job == null) {
            return new RunState.NotStarted();
        }
        JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
        int attempts = count(status.getActive()) + count(status.getFailed()) + count(status.getSucceeded());
        Instant started = Optional.ofNullable(status.getStartTime()).or(() -> Optional.ofNullable(
                job.getMetadata().getCreationTimestamp())).map(Instant::parse).orElse(null);
        Optional<JobCondition> complete = condition(status, "Complete");
        if (complete.isPresent()) {
            return new RunState.Succeeded(Math.max(attempts, 1), started, time(complete.get(), status));
        }
        Optional<JobCondition> failed = condition(status, "Failed");
        if (failed.isPresent()) {
            String message = Optional.ofNullable(failed.get().getMessage()).orElse("the Job failed");
            if (failureDetail != null && !failureDetail.isBlank()) {
                message += "; last worker said: " + failureDetail.strip();
            }
            return new RunState.Failed(attempts, started, time(failed.get(), status), failed.get().getReason(),
                    message);
        }
        return new RunState.Active(Math.max(attempts, 1), started);
    }

    /** The task generation the Job was made from, if it says. */
    public static Long startedGeneration(Job job) {
        if (job == null || job.getMetadata().getAnnotations() == null) {
            return null;
        }
        String value = job.getMetadata().getAnnotations().get(WorkerJobs.GENERATION_ANNOTATION);
        return value == null ? null : Long.valueOf(value);
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

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
