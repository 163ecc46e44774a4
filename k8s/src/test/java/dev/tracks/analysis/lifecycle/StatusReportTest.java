package dev.tracks.analysis.lifecycle;

import dev.tracks.analysis.task.AnalysisTaskStatus;
import dev.tracks.analysis.task.AttemptFailure;
import dev.tracks.analysis.task.TaskPhase;
import dev.tracks.analysis.task.TaskProgress;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StatusReportTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-28T10:01:00Z");
    private static final Instant T2 = Instant.parse("2026-11-28T10:02:00Z");

    @Test
    void queuedTaskReportsItsPosition() {
        AnalysisTaskStatus status = StatusReport.next(null, new Decision.Queue(2), new RunState.NotStarted(), 1, null,
                null, T0);
        assertThat(status.getPhase()).isEqualTo(TaskPhase.QUEUED);
        assertThat(status.getMessage()).isEqualTo("waiting for a free slot: position 2 in the queue");
        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(tuple("DependenciesReady", "True", "DependenciesSucceeded"),
                        tuple("Admitted", "False", "Queued"), tuple("Complete", "False", "InProgress"));
        assertThat(status.getConditions()).allSatisfy(c -> {
            assertThat(c.getObservedGeneration()).isEqualTo(1);
            assertThat(c.getLastTransitionTime()).isEqualTo(T0.toString());
        });
    }

    @Test
    void lastTransitionTimeChangesOnlyWhenAConditionFlips() {
        AnalysisTaskStatus queued = StatusReport.next(null, new Decision.Queue(1), new RunState.NotStarted(), 1, null,
                null, T0);
        RunState.Active active = new RunState.Active(1, T1);
        AnalysisTaskStatus running = StatusReport.next(queued, new Decision.Track(active), active, 1, 1L, "job-1",
                T1);
        AnalysisTaskStatus stillRunning = StatusReport.next(running, new Decision.Track(active), active, 1, 1L,
                "job-1", T2);

        assertThat(running.getConditions()).extracting(Condition::getType, Condition::getLastTransitionTime)
                .containsExactly(tuple("DependenciesReady", T0.toString()), tuple("Admitted", T1.toString()),
                        tuple("Complete", T0.toString()));
        assertThat(stillRunning.getConditions()).isEqualTo(running.getConditions());
        assertThat(stillRunning.getAttempts()).isEqualTo(1);
        assertThat(stillRunning.getStartTime()).isEqualTo(T1.toString());
        assertThat(stillRunning.getJobName()).isEqualTo("job-1");
    }

    @Test
    void finishedTaskHasCompletionTimeAndReason() {
        RunState.Failed failed = new RunState.Failed(3, T0, T1, "BackoffLimitExceeded", "exit code 75");
        AnalysisTaskStatus status = StatusReport.next(null, new Decision.Finish(TaskPhase.FAILED,
                "BackoffLimitExceeded", "exit code 75", false), failed, 1, 1L, "job-1", T2);
        assertThat(status.getPhase()).isEqualTo(TaskPhase.FAILED);
        assertThat(status.getCompletionTime()).isEqualTo(T1.toString());
        assertThat(status.getAttempts()).isEqualTo(3);
        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(tuple("Complete", "True", "BackoffLimitExceeded"));
    }

    @Test
    void aFailedAttemptIsReportedWhileTheRetryWaitsRunsAndAfterTheTaskEnds() {
        RunState.Active first = new RunState.Active(1, T0);
        AnalysisTaskStatus running = StatusReport.next(null, new Decision.Start(), first, 1, 1L, "job-1", T0);
        RunState.Failed failed = new RunState.Failed(1, T0, T1, "BackoffLimitExceeded",
                "exit code 75: database unreachable");

        AnalysisTaskStatus waiting = StatusReport.next(running, new Decision.AwaitRetry(T2, failed), failed, 1, 1L,
                "job-1", T1);
        assertThat(waiting.getPhase()).isEqualTo(TaskPhase.RETRYING);
        assertThat(waiting.getMessage()).isEqualTo("attempt 1 failed (exit code 75: database unreachable); attempt 2"
                + " starts at " + T2);
        assertThat(waiting.getLastFailure()).usingRecursiveComparison().isEqualTo(new AttemptFailure(1,
                "BackoffLimitExceeded", "exit code 75: database unreachable", T1.toString()));
        assertThat(waiting.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .contains(tuple("Admitted", "True", "SlotGranted"), tuple("Complete", "False", "RetryScheduled"));
        assertThat(StatusReport.newFailure(running, waiting)).contains(waiting.getLastFailure());

        RunState.Active second = new RunState.Active(2, T0);
        AnalysisTaskStatus retried = StatusReport.next(waiting, new Decision.Retry(failed), second, 1, 1L, "job-2",
                T2);
        assertThat(retried.getPhase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(retried.getLastFailure()).as("kept while the next attempt runs").isEqualTo(waiting.getLastFailure());
        assertThat(StatusReport.newFailure(waiting, retried)).as("logged once").isEmpty();

        RunState.Succeeded succeeded = new RunState.Succeeded(2, T0, T2);
        AnalysisTaskStatus done = StatusReport.next(retried, new Decision.Finish(TaskPhase.SUCCEEDED, "Succeeded",
                "finished after 2 attempts", false), succeeded, 1, 1L, "job-2", T2);
        assertThat(done.getLastFailure()).as("kept after the end").isEqualTo(waiting.getLastFailure());
    }

    @Test
    void aRetryWithoutBackoffStillReportsTheAttemptItFollows() {
        RunState.Failed failed = new RunState.Failed(2, T0, T1, "PodFailurePolicy", "exit code 75");
        AnalysisTaskStatus retried = StatusReport.next(null, new Decision.Retry(failed), new RunState.Active(3, T0), 1,
                1L, "job-3", T1);
        assertThat(retried.getLastFailure().getAttempt()).isEqualTo(2);
        assertThat(retried.getLastFailure().describe()).isEqualTo("attempt 2 failed: exit code 75");
    }

    @Test
    void aSpecChangeAfterTheStartIsReportedNotApplied() {
        RunState.Active active = new RunState.Active(1, T0);
        AnalysisTaskStatus status = StatusReport.next(null, new Decision.Track(active), active, 3, 2L, "job-1", T1);
        assertThat(status.getObservedGeneration()).isEqualTo(3);
        assertThat(status.getConditions()).filteredOn(c -> c.getType().equals("SpecApplied")).singleElement()
                .satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo("False");
                    assertThat(c.getReason()).isEqualTo("ImmutableAfterStart");
                    assertThat(c.getMessage()).contains("generation 3 is not applied", "generation 2");
                });
    }

    @Test
    void theWorkersFieldsAreNeverPartOfTheOperatorsStatus() {
        AnalysisTaskStatus withProgress = new AnalysisTaskStatus();
        withProgress.setProgress(new TaskProgress());
        AnalysisTaskStatus next = StatusReport.next(withProgress, new Decision.Start(), new RunState.NotStarted(),
                1, null, "job-1", T0);
        assertThat(next.getProgress()).isNull();
        assertThat(next.getResultSummary()).isNull();
    }

    @Test
    void aStartOrRetryReportsWhatTrackingTheNewRunWillReport() {
        RunState.Active first = new RunState.Active(1, T0);
        AnalysisTaskStatus started = StatusReport.next(null, new Decision.Start(), first, 1, 1L, "job-1", T0);
        assertThat(StatusReport.next(started, new Decision.Track(first), first, 1, 1L, "job-1", T1))
                .as("the Job's first events change nothing: no second status apply")
                .usingRecursiveComparison().isEqualTo(started);

        RunState.Active second = new RunState.Active(2, T0);
        RunState.Failed firstFailed = new RunState.Failed(1, T0, T1, "BackoffLimitExceeded", "exit code 75");
        AnalysisTaskStatus retried = StatusReport.next(started, new Decision.Retry(firstFailed), second, 1, 1L,
                "job-2", T2);
        assertThat(retried.getMessage()).isEqualTo("running, attempt 2");
        assertThat(StatusReport.next(retried, new Decision.Track(second), second, 1, 1L, "job-2", T2))
                .usingRecursiveComparison().isEqualTo(retried);
    }

    @Test
    void aFailedReconcileKeepsTheStatusAndSaysWhyUntilTheNextReport() {
        RunState.Active active = new RunState.Active(1, T0);
        AnalysisTaskStatus running = StatusReport.next(null, new Decision.Track(active), active, 1, 1L, "job-1", T0);
        running.setProgress(new TaskProgress());

        AnalysisTaskStatus failed = StatusReport.reconcileFailed(running, 1, "jobs.batch is forbidden", T1);
        AnalysisTaskStatus failedAgain = StatusReport.reconcileFailed(failed, 1, "jobs.batch is forbidden", T2);

        assertThat(failed.getPhase()).isEqualTo(TaskPhase.RUNNING);
        assertThat(failed.getMessage()).isEqualTo(running.getMessage());
        assertThat(failed.getProgress()).as("the worker's field is not the operator's to apply").isNull();
        assertThat(failedAgain.getConditions()).filteredOn(c -> c.getType().equals(StatusReport.RECONCILED))
                .singleElement().satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo("False");
                    assertThat(c.getReason()).isEqualTo("ReconcileFailed");
                    assertThat(c.getMessage()).isEqualTo("jobs.batch is forbidden");
                    assertThat(c.getLastTransitionTime()).as("since the first failure").isEqualTo(T1.toString());
                });
        assertThat(StatusReport.changes(failed, failedAgain)).isFalse();

        AnalysisTaskStatus recovered = StatusReport.next(failedAgain, new Decision.Track(active), active, 1, 1L,
                "job-1", T2);
        assertThat(recovered.getConditions()).extracting(Condition::getType).doesNotContain(StatusReport.RECONCILED);
        assertThat(StatusReport.changes(failedAgain, recovered)).isTrue();
    }

    @Test
    void onlyTheLifecyclesFieldsCountAsAChange() {
        RunState.Active active = new RunState.Active(1, T0);
        AnalysisTaskStatus running = StatusReport.next(null, new Decision.Track(active), active, 1, 1L, "job-1", T0);
        AnalysisTaskStatus withProgress = StatusReport.next(running, new Decision.Track(active), active, 1, 1L,
                "job-1", T1);
        withProgress.setProgress(new TaskProgress());
        assertThat(StatusReport.changes(null, running)).isTrue();
        assertThat(StatusReport.changes(withProgress, running)).isFalse();
        assertThat(StatusReport.changes(running, StatusReport.next(running, new Decision.Track(
                new RunState.Active(2, T0)), new RunState.Active(2, T0), 1, 1L, "job-2", T1))).isTrue();
    }

    @Test
    void aFinishedTasksStatusNeverChangesEvenWhenItsRunIsGone() {
        RunState.Succeeded succeeded = new RunState.Succeeded(2, T0, T1);
        AnalysisTaskStatus finished = StatusReport.next(null, new Decision.Finish(TaskPhase.SUCCEEDED, "Succeeded",
                "finished after 2 attempts", false), succeeded, 1, 1L, "job-2", T1);

        AnalysisTaskStatus restarted = StatusReport.next(finished, new Decision.Keep(TaskPhase.SUCCEEDED), succeeded,
                1, 1L, "job-2", T2);
        AnalysisTaskStatus jobExpired = StatusReport.next(finished, new Decision.Keep(TaskPhase.SUCCEEDED),
                new RunState.NotStarted(), 1, null, null, T2);

        assertThat(restarted).as("an operator restart reconciles it again").usingRecursiveComparison()
                .isEqualTo(finished);
        assertThat(jobExpired).as("the Job's TTL removed it").usingRecursiveComparison().isEqualTo(finished);
        assertThat(StatusReport.changes(finished, jobExpired)).isFalse();
    }
}
