package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.RunState;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.AttemptFailure;
import dev.tracks.analysis.task.TaskPhase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which decisions are worth an Event: a Job made (start, retry), a failed attempt and the end, nothing else. */
class TaskEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final RunState.Failed FAILED = new RunState.Failed(1, NOW, NOW, "BackoffLimitExceeded",
            "exit code 75");
    private static final AttemptFailure FAILURE = new AttemptFailure(1, "BackoffLimitExceeded", "exit code 75",
            NOW.toString());

    @Test
    void aJobMadeForTheTaskIsTold() {
        assertThat(TaskEvents.notices(new Decision.Start(), null, status("job-1", "running, attempt 1")))
                .containsExactly(new TaskEvents.Notice(false, "Running", "Job job-1 created: running, attempt 1"));
        AnalysisTaskStatus waiting = status("job-1", "attempt 1 failed");
        waiting.setLastFailure(FAILURE);
        AnalysisTaskStatus retried = status("job-2", "running, attempt 2");
        retried.setLastFailure(FAILURE);
        assertThat(TaskEvents.notices(new Decision.Retry(FAILED), waiting, retried))
                .containsExactly(new TaskEvents.Notice(false, "Retrying", "Job job-2 created: running, attempt 2"));
    }

    @Test
    void aFailedAttemptIsAWarningOnceWhetherTheRetryWaitsOrNot() {
        AnalysisTaskStatus running = status("job-1", "running, attempt 1");
        AnalysisTaskStatus waiting = status("job-1", "attempt 1 failed");
        waiting.setLastFailure(FAILURE);
        TaskEvents.Notice failed = new TaskEvents.Notice(true, "AttemptFailed", "attempt 1 failed: exit code 75");
        assertThat(TaskEvents.notices(new Decision.AwaitRetry(NOW, FAILED), running, waiting)).containsExactly(failed);
        assertThat(TaskEvents.notices(new Decision.AwaitRetry(NOW, FAILED), waiting, waiting)).isEmpty();

        AnalysisTaskStatus retried = status("job-2", "running, attempt 2");
        retried.setLastFailure(FAILURE);
        assertThat(TaskEvents.notices(new Decision.Retry(FAILED), running, retried)).containsExactly(failed,
                new TaskEvents.Notice(false, "Retrying", "Job job-2 created: running, attempt 2"));
    }

    @Test
    void theEndIsToldAndAFailureIsAWarning() {
        assertThat(TaskEvents.notices(new Decision.Finish(TaskPhase.SUCCEEDED, "Succeeded", "finished after 1 attempt",
                false), null, status("job-1", "finished after 1 attempt")))
                .containsExactly(new TaskEvents.Notice(false, "Succeeded", "finished after 1 attempt"));
        assertThat(TaskEvents.notices(new Decision.Finish(TaskPhase.FAILED, "RetriesExhausted", "2 attempts failed",
                false), null, status("job-2", "2 attempts failed")))
                .containsExactly(new TaskEvents.Notice(true, "Failed", "2 attempts failed"));
        assertThat(TaskEvents.notices(new Decision.Finish(TaskPhase.CANCELLED, "Cancelled", "cancelled while running",
                true), null, status("job-1", "cancelled while running")))
                .containsExactly(new TaskEvents.Notice(false, "Cancelled", "cancelled while running"));
    }

    @Test
    void waitingQueueingTrackingAndTheBackoffAreLeftToTheStatus() {
        RunState.Active active = new RunState.Active(1, NOW);
        List<Decision> quiet = List.of(new Decision.Wait("WaitingForDependencies", "waiting for a"),
                new Decision.ReadyToRun(), new Decision.Queue(3), new Decision.Track(active),
                new Decision.AwaitRetry(NOW, FAILED), new Decision.Keep(TaskPhase.SUCCEEDED));
        assertThat(quiet).allSatisfy(decision ->
                assertThat(TaskEvents.notices(decision, null, status(null, "any"))).isEmpty());
    }

    private static AnalysisTaskStatus status(String jobName, String message) {
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setJobName(jobName);
        status.setMessage(message);
        return status;
    }
}
