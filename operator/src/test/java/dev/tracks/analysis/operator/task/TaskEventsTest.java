package dev.tracks.analysis.operator.task;

import dev.tracks.analysis.lifecycle.Decision;
import dev.tracks.analysis.lifecycle.RunState;
import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.TaskPhase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which decisions are worth an Event: a Job made (start, retry) and the end, nothing in between. */
class TaskEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aJobMadeForTheTaskIsTold() {
        assertThat(TaskEvents.notice(new Decision.Start(), status("job-1", "running, attempt 1")))
                .contains(new TaskEvents.Notice(false, "Running", "Job job-1 created: running, attempt 1"));
        assertThat(TaskEvents.notice(new Decision.Retry(2), status("job-2", "running, attempt 2")))
                .contains(new TaskEvents.Notice(false, "Retrying", "Job job-2 created: running, attempt 2"));
    }

    @Test
    void theEndIsToldAndAFailureIsAWarning() {
        assertThat(TaskEvents.notice(new Decision.Finish(TaskPhase.SUCCEEDED, "Succeeded", "finished after 1 attempt",
                false), status("job-1", "finished after 1 attempt")))
                .contains(new TaskEvents.Notice(false, "Succeeded", "finished after 1 attempt"));
        assertThat(TaskEvents.notice(new Decision.Finish(TaskPhase.FAILED, "RetriesExhausted", "2 attempts failed",
                false), status("job-2", "2 attempts failed")))
                .contains(new TaskEvents.Notice(true, "Failed", "2 attempts failed"));
        assertThat(TaskEvents.notice(new Decision.Finish(TaskPhase.CANCELLED, "Cancelled", "cancelled while running",
                true), status("job-1", "cancelled while running")))
                .contains(new TaskEvents.Notice(false, "Cancelled", "cancelled while running"));
    }

    @Test
    void waitingQueueingTrackingAndTheBackoffAreLeftToTheStatus() {
        RunState.Active active = new RunState.Active(1, NOW);
        List<Decision> quiet = List.of(new Decision.Wait("WaitingForDependencies", "waiting for a"),
                new Decision.ReadyToRun(), new Decision.Queue(3), new Decision.Track(active),
                new Decision.AwaitRetry(2, NOW, "exit code 75"), new Decision.Keep(TaskPhase.SUCCEEDED));
        assertThat(quiet).allSatisfy(decision ->
                assertThat(TaskEvents.notice(decision, status(null, "any"))).isEmpty());
    }

    private static AnalysisTaskStatus status(String jobName, String message) {
        AnalysisTaskStatus status = new AnalysisTaskStatus();
        status.setJobName(jobName);
        status.setMessage(message);
        return status;
    }
}
